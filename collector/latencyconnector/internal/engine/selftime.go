package engine

// Self time (DEFINITIONS.md §4, as src/engine/self-time.ts): a span's effective duration minus
// the length of the union of its children's effective intervals clipped to the span. Children
// are in start order, so one sweep per span merges overlapping children: O(n) for the trace.
func (w *Workspace) selfTimes(self []int64) {
	for x := range self {
		s, e := w.effStart[x], w.effEnd[x]
		var t int64
		cursor := s // everything before cursor is accounted for
		for _, c := range w.children[w.childOffsets[x]:w.childOffsets[x+1]] {
			cs, ce := max(w.effStart[c], s), min(w.effEnd[c], e)
			if ce <= cs {
				continue
			}
			if cs > cursor {
				t += cs - cursor
			}
			cursor = max(cursor, ce)
		}
		if e > cursor {
			t += e - cursor
		}
		self[x] = t
	}
}
