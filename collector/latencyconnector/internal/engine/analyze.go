package engine

// Analyze computes per-span self time and critical-path time of one trace (DEFINITIONS.md):
// times relative to time zero with unknown ones repaired (times.go), the span tree (tree.go),
// effective intervals (clip.go), self time (selftime.go) and the critical path
// (criticalpath.go). O(n log n) at worst, O(n) memory; a Workspace reuses its buffers from
// one trace to the next, so a steady stream of traces allocates little.

// Workspace holds the per-trace buffers. Not safe for concurrent use.
type Workspace struct {
	start, end, childStart, childEnd []int64
	effStart, effEnd, reach          []int64
	self, cp                         []int64
	unset                            []uint8
	state                            []uint8
	async                            []bool
	parent, childOffsets, children   []int32
	fill, roots, preorder, stack     []int32
	chain, sortedRoots               []int32
	syncKids, syncEnd                []int32
	tailKids, tailEnd                []int32
	frames                           []frame
	firstByID, ownerByID             map[uint64]int32
}

// NewWorkspace returns an empty workspace.
func NewWorkspace() *Workspace {
	return &Workspace{firstByID: map[uint64]int32{}, ownerByID: map[uint64]int32{}}
}

// Analyze returns the self time and critical-path time (ns) of each span, in input order; the
// slices belong to the workspace and are valid until its next Analyze.
func (w *Workspace) Analyze(spans []Span) (self, cp []int64) {
	w.relativeTimes(spans)
	w.buildTree(spans)
	w.clip(spans)
	w.self = resize(w.self, len(spans))
	w.cp = resize(w.cp, len(spans))
	w.selfTimes(w.self)
	w.criticalPath(w.cp)
	return w.self, w.cp
}

// resize returns s with length n, reusing its array when large enough (contents unspecified).
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
