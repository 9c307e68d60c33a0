package engine

import (
	"cmp"
	"slices"
)

// Critical-path time per span (DEFINITIONS.md §5, as src/engine/critical-path.ts): the chain of
// work that determined when the trace ended, found backwards from the trace end.
//   - sync children of x: not async and ending (effectively) by x's end; x waits for them;
//   - reach of a span: the latest effective end in its subtree;
//   - at span x with time t and floor f (sections are clipped to (f, t]):
//     tail (t > end(x)): the child of x with reach after end(x) and the latest reach ≤ t is
//     entered with t = its reach and floor max(f, end(x)); then t = max(its start, end(x)); with
//     none left, t = end(x);
//     own time (t ≤ end(x)): the sync child that ended last at or before t, c, makes (end(c), t]
//     x's own; c is entered with t = end(c), then t = start(c); with none left x owns (start(x), t];
//   - roots are children of a virtual span over the whole trace, taken by latest reach ≤ t;
//   - ties between children or roots: the later in sibling order first;
//   - every section is clipped to its span's effective interval.
// Each span is entered at most once for its tail and once for its own time; with the sorts of
// the sibling lists, O(n log n) at worst, and the walk uses an explicit stack (no recursion).

// frame is one span being walked: span x (-1: the virtual root), time t, floor, and the next
// tail child and sync child (or root) to consider.
type frame struct {
	x           int32
	t, floor    int64
	tail, synch int32
}

func (w *Workspace) criticalPath(cp []int64) {
	clear(cp)
	w.reachOf()
	w.syncKids, w.syncEnd = w.latestFirst(w.syncKids, w.syncEnd, w.effEnd, func(c, p int32) bool {
		return !w.async[c] && w.effEnd[c] <= w.effEnd[p]
	})
	w.tailKids, w.tailEnd = w.latestFirst(w.tailKids, w.tailEnd, w.reach, func(c, p int32) bool {
		return w.reach[c] > w.effEnd[p]
	})
	roots := append(w.sortedRoots[:0], w.roots...)
	slices.Reverse(roots)
	slices.SortStableFunc(roots, func(a, b int32) int { return cmp.Compare(w.reach[b], w.reach[a]) })
	w.sortedRoots = roots

	emit := func(x int32, a, b, floor int64) {
		from := max(a, w.effStart[x], floor)
		to := min(b, w.effEnd[x])
		if to > from {
			cp[x] += to - from
		}
	}
	stack := append(w.frames[:0], frame{x: -1})
	if len(roots) > 0 {
		stack[0].t = w.reach[roots[0]]
	}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		x, t, floor := f.x, f.t, f.floor
		next := frame{x: -1, floor: floor}
		switch {
		case x < 0:
			if r := takeAtOrBefore(roots, &f.synch, int32(len(roots)), w.reach, t); r >= 0 {
				next = frame{x: r, t: w.reach[r]}
				f.t = w.effStart[r]
			} else {
				stack = stack[:len(stack)-1]
			}
		case t <= floor:
			stack = stack[:len(stack)-1]
		case t > w.effEnd[x]:
			if c := takeAtOrBefore(w.tailKids, &f.tail, w.tailEnd[x], w.reach, t); c >= 0 {
				next = frame{x: c, t: w.reach[c], floor: max(floor, w.effEnd[x])}
				f.t = max(w.effStart[c], w.effEnd[x])
			} else {
				f.t = w.effEnd[x]
			}
		default:
			if c := takeAtOrBefore(w.syncKids, &f.synch, w.syncEnd[x], w.effEnd, t); c >= 0 {
				next = frame{x: c, t: w.effEnd[c], floor: floor}
				emit(x, w.effEnd[c], t, floor)
				f.t = w.effStart[c]
			} else {
				emit(x, w.effStart[x], t, floor)
				stack = stack[:len(stack)-1]
			}
		}
		if next.x >= 0 {
			next.tail, next.synch = w.childOffsets[next.x], w.childOffsets[next.x]
			stack = append(stack, next)
		}
	}
	w.frames = stack
}

// takeAtOrBefore returns the first span of list[*next:end] (ordered latest key first) whose key
// is at or before t, and moves *next past it; -1 when none is left.
func takeAtOrBefore(list []int32, next *int32, end int32, key []int64, t int64) int32 {
	p := *next
	for p < end && key[list[p]] > t {
		p++
	}
	*next = p + 1
	if p < end {
		return list[p]
	}
	return -1
}

// reachOf fills w.reach: the latest effective end in each span's subtree.
func (w *Workspace) reachOf() {
	w.reach = append(w.reach[:0], w.effEnd...)
	for k := len(w.preorder) - 1; k >= 0; k-- {
		x := w.preorder[k]
		if p := w.parent[x]; p >= 0 && w.reach[x] > w.reach[p] {
			w.reach[p] = w.reach[x]
		}
	}
}

// latestFirst lists, per span p from w.childOffsets[p] to end[p], its children c with
// keep(c, p), latest key first, ties the later in sibling order first.
func (w *Workspace) latestFirst(kids, end []int32, key []int64, keep func(c, p int32) bool) ([]int32, []int32) {
	n := len(w.parent)
	kids = resize(kids, n)
	end = resize(end, n)
	for p := range int32(n) {
		at := w.childOffsets[p]
		for k := w.childOffsets[p+1] - 1; k >= w.childOffsets[p]; k-- {
			if c := w.children[k]; keep(c, p) {
				kids[at] = c
				at++
			}
		}
		end[p] = at
		slices.SortStableFunc(kids[w.childOffsets[p]:at], func(a, b int32) int { return cmp.Compare(key[b], key[a]) })
	}
	return kids, end
}
