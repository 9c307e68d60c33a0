package engine

// Span times relative to time zero, with unknown times repaired (DEFINITIONS.md §1, as
// src/engine/builder.ts):
//   - time zero is the earliest known start; with no known start, the earliest known end; with
//     no known time at all, the Unix epoch;
//   - an unknown start is the earliest known start of the span's children, else its parent's
//     known start, never after its own known end (with neither, its known end; with nothing
//     known, time zero); it is never before time zero;
//   - an unknown end is the latest known end of its children when after the start, else the
//     start (zero duration);
//   - parents here are found by span id, the first span in input order owning a shared id;
//   - finally an end before its start becomes the start (zero duration).
// Repairs read known times only, so they do not depend on their order. O(n).

const (
	unsetStart = 1
	unsetEnd   = 2
)

// relativeTimes fills w.start and w.end for spans (see the file header).
func (w *Workspace) relativeTimes(spans []Span) {
	n := len(spans)
	w.start = resize(w.start, n)
	w.end = resize(w.end, n)
	w.unset = resize(w.unset, n)
	zero := timeZero(spans)
	repairs := false
	for i := range spans {
		var u uint8
		if spans[i].Start == 0 {
			u |= unsetStart
		}
		if spans[i].End == 0 {
			u |= unsetEnd
		}
		w.unset[i] = u
		w.start[i] = int64(spans[i].Start - zero)
		w.end[i] = int64(spans[i].End - zero)
		repairs = repairs || u != 0
	}
	if repairs {
		w.repairUnset(spans)
	}
	for i := range n {
		if w.end[i] < w.start[i] {
			w.end[i] = w.start[i]
		}
	}
}

// timeZero is the earliest known start, else the earliest known end, else 0.
func timeZero(spans []Span) uint64 {
	var zero uint64
	for _, s := range spans {
		if s.Start != 0 && (zero == 0 || s.Start < zero) {
			zero = s.Start
		}
	}
	if zero != 0 {
		return zero
	}
	for _, s := range spans {
		if s.End != 0 && (zero == 0 || s.End < zero) {
			zero = s.End
		}
	}
	return zero
}

// repairUnset repairs unknown starts and ends in place (see the file header).
func (w *Workspace) repairUnset(spans []Span) {
	n := len(spans)
	clear(w.firstByID)
	for i := range spans {
		if _, ok := w.firstByID[spans[i].ID]; !ok {
			w.firstByID[spans[i].ID] = int32(i)
		}
	}
	parent := resize(w.parent, n)
	w.parent = parent
	childStart := resize(w.childStart, n)
	childEnd := resize(w.childEnd, n)
	w.childStart, w.childEnd = childStart, childEnd
	for i := range n {
		parent[i] = -1
		if p, ok := w.firstByID[spans[i].Parent]; ok && spans[i].HasParent {
			parent[i] = p
		}
		childStart[i], childEnd[i] = noTime, noTime
	}
	unset := w.unset
	for i := range n {
		p := parent[i]
		if p < 0 {
			continue
		}
		if unset[i]&unsetStart == 0 && (childStart[p] == noTime || w.start[i] < childStart[p]) {
			childStart[p] = w.start[i]
		}
		if unset[i]&unsetEnd == 0 && (childEnd[p] == noTime || w.end[i] > childEnd[p]) {
			childEnd[p] = w.end[i]
		}
	}
	for i := range n {
		p := parent[i]
		if unset[i]&unsetStart != 0 {
			s := childStart[i]
			if s == noTime && p >= 0 && unset[p]&unsetStart == 0 {
				s = w.start[p]
			}
			if unset[i]&unsetEnd == 0 && (s == noTime || w.end[i] < s) {
				s = w.end[i]
			}
			if s == noTime || s < 0 {
				s = 0
			}
			w.start[i] = s
		}
		if unset[i]&unsetEnd != 0 {
			if childEnd[i] != noTime && childEnd[i] > w.start[i] {
				w.end[i] = childEnd[i]
			} else {
				w.end[i] = w.start[i]
			}
		}
	}
}
