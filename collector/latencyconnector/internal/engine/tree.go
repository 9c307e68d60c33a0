package engine

import (
	"cmp"
	"slices"
)

// Span tree (DEFINITIONS.md §2, as src/engine/tree.ts):
//   - a span's parent is the span owning its parent id; of spans sharing an id, the one with the
//     earliest start, then the latest end, then the first in input order owns it;
//   - a span whose parent id is absent from the trace is a root (an orphan);
//   - parent cycles (a span its own parent included) are broken at the member with the earliest
//     start, then the smallest id, which becomes a root;
//   - a child is async (its parent does not wait for it) when it is a CONSUMER or links to its
//     parent (FOLLOWS_FROM);
//   - children and roots are ordered by start, then id, then input order; pre-order visits
//     parents before children.
// Id lookups use Go maps (randomly seeded hashes, so crafted ids cannot make them quadratic);
// O(n) plus the sort of each sibling list, O(n log n) at worst.

// noTime marks "no such time" in int64 time columns.
const noTime = -1 << 63

func (w *Workspace) buildTree(spans []Span) {
	n := len(spans)
	w.parent = resize(w.parent, n)
	w.async = resize(w.async, n)
	w.ownParents(spans)
	w.breakCycles(spans)
	w.childOffsets = resize(w.childOffsets, n+1)
	clear(w.childOffsets)
	w.roots = w.roots[:0]
	for i := range n {
		p := w.parent[i]
		w.async[i] = p >= 0 && (spans[i].Kind == KindConsumer || spans[i].LinksParent)
		if p >= 0 {
			w.childOffsets[p+1]++
		} else {
			w.roots = append(w.roots, int32(i))
		}
	}
	for i := range n {
		w.childOffsets[i+1] += w.childOffsets[i]
	}
	w.children = resize(w.children, n)
	fill := append(w.fill[:0], w.childOffsets[:n]...)
	w.fill = fill
	for i := range n {
		if p := w.parent[i]; p >= 0 {
			w.children[fill[p]] = int32(i)
			fill[p]++
		}
	}
	bySiblingOrder := func(a, b int32) int {
		return cmp.Or(cmp.Compare(w.start[a], w.start[b]), cmp.Compare(spans[a].ID, spans[b].ID))
	}
	slices.SortStableFunc(w.roots, bySiblingOrder)
	for i := range n {
		slices.SortStableFunc(w.children[w.childOffsets[i]:w.childOffsets[i+1]], bySiblingOrder)
	}
	w.depthFirst()
}

// ownParents resolves each span's parent index by the owner rule (see the file header).
func (w *Workspace) ownParents(spans []Span) {
	clear(w.ownerByID)
	for i := range spans {
		o, ok := w.ownerByID[spans[i].ID]
		if !ok || w.start[i] < w.start[o] || (w.start[i] == w.start[o] && w.end[i] > w.end[o]) {
			w.ownerByID[spans[i].ID] = int32(i)
		}
	}
	for i := range spans {
		w.parent[i] = -1
		if o, ok := w.ownerByID[spans[i].Parent]; ok && spans[i].HasParent {
			w.parent[i] = o
		}
	}
}

// breakCycles walks up every parent chain once (three colours) and breaks each cycle found.
func (w *Workspace) breakCycles(spans []Span) {
	n := len(spans)
	state := resize(w.state, n) // 0 unseen, 1 on the current chain, 2 settled
	w.state = state
	clear(state)
	chain := w.chain[:0]
	for s := range n {
		chain = chain[:0]
		x := int32(s)
		for x >= 0 && state[x] == 0 {
			state[x] = 1
			chain = append(chain, x)
			x = w.parent[x]
		}
		if x >= 0 && state[x] == 1 {
			best := x
			for k := len(chain) - 1; chain[k] != x; k-- {
				if w.earlier(spans, chain[k], best) {
					best = chain[k]
				}
			}
			w.parent[best] = -1
		}
		for _, c := range chain {
			state[c] = 2
		}
	}
	w.chain = chain
}

// earlier: span a precedes span b by (start, id).
func (w *Workspace) earlier(spans []Span, a, b int32) bool {
	if w.start[a] != w.start[b] {
		return w.start[a] < w.start[b]
	}
	return spans[a].ID < spans[b].ID
}

// depthFirst fills w.preorder: roots in order, each followed by its subtree, children in order.
func (w *Workspace) depthFirst() {
	w.preorder = w.preorder[:0]
	stack := w.stack[:0]
	for r := len(w.roots) - 1; r >= 0; r-- {
		stack = append(stack, w.roots[r])
	}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		w.preorder = append(w.preorder, x)
		for c := w.childOffsets[x+1] - 1; c >= w.childOffsets[x]; c-- {
			stack = append(stack, w.children[c])
		}
	}
	w.stack = stack
}
