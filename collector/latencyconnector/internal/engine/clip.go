package engine

// Effective intervals (DEFINITIONS.md §3, as src/engine/clip.ts), settled in pre-order so a
// parent is clipped before its children:
//   - a child cannot start before its parent: effStart = max(start, parent's effStart);
//   - a SERVER child of a CLIENT parent cannot outlive it: its end is clipped to the parent's
//     effEnd (and its start to at most that end);
//   - any other child keeps its end, even after its parent's (async work);
//   - effEnd is never before effStart.
//
// O(n).
func (w *Workspace) clip(spans []Span) {
	n := len(spans)
	w.effStart = resize(w.effStart, n)
	w.effEnd = resize(w.effEnd, n)
	for _, x := range w.preorder {
		s, e := w.start[x], w.end[x]
		if p := w.parent[x]; p >= 0 {
			ps, pe := w.effStart[p], w.effEnd[p]
			s = max(s, ps)
			if spans[p].Kind == KindClient && spans[x].Kind == KindServer && e > pe {
				e = pe
				s = min(s, pe)
			}
		}
		w.effStart[x] = s
		w.effEnd[x] = max(e, s)
	}
}
