package engine

import (
	"math/rand/v2"
	"testing"
)

// Properties of the analysis over random traces (fixed seeds: every run checks the same
// traces): any shape, unknown times, skew, async children, orphans and cycles included.

// randomTrace makes n spans with unique ids; parents are mostly earlier spans, sometimes absent
// ids (orphans) or later spans (which can close cycles).
func randomTrace(r *rand.Rand, n int) []Span {
	spans := make([]Span, n)
	for i := range spans {
		start := int64(r.IntN(1000))
		s := at(uint64(i+1), 0, uint8(r.IntN(6)), start, start+int64(r.IntN(500))-50)
		switch k := r.IntN(20); {
		case i > 0 && k < 15:
			s.Parent = uint64(r.IntN(i) + 1)
		case k < 17:
			s.Parent = uint64(r.IntN(n) + 1)
		case k < 18:
			s.Parent = 10_000
		}
		s.HasParent = s.Parent != 0
		s.LinksParent = r.IntN(10) == 0
		if r.IntN(15) == 0 {
			s.Start = 0
		}
		if r.IntN(15) == 0 {
			s.End = 0
		}
		spans[i] = s
	}
	return spans
}

func TestPropertiesOfRandomTraces(t *testing.T) {
	w, shuffled := NewWorkspace(), NewWorkspace()
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 17))
		spans := randomTrace(r, 1+r.IntN(60))
		n := len(spans)
		self, cp := w.Analyze(spans)

		var cpSum, traceEnd int64
		for x := range n {
			duration := w.effEnd[x] - w.effStart[x]
			if self[x] < 0 || self[x] > duration || cp[x] < 0 || cp[x] > duration {
				t.Fatalf("seed %d span %d: self %d cp %d outside [0, %d]", seed, x, self[x], cp[x], duration)
			}
			cpSum += cp[x]
			traceEnd = max(traceEnd, w.effEnd[x])
		}
		if cpSum > traceEnd {
			t.Fatalf("seed %d: critical path %d ns is longer than the trace (%d ns)", seed, cpSum, traceEnd)
		}

		// the answer does not depend on the order the spans arrive in
		order := r.Perm(n)
		permuted := make([]Span, n)
		for k, i := range order {
			permuted[k] = spans[i]
		}
		pSelf, pCp := shuffled.Analyze(permuted)
		for k, i := range order {
			if pSelf[k] != self[i] || pCp[k] != cp[i] {
				t.Fatalf("seed %d span %d: self/cp %d/%d after shuffling, %d/%d before", seed, i, pSelf[k], pCp[k], self[i], cp[i])
			}
		}
	}
}

func TestCriticalPathOfASynchronousTreeCoversTheRoot(t *testing.T) {
	// Children within their parent, no async kinds or links: the path tiles the root exactly.
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 29))
		spans := []Span{at(1, 0, 1, 0, 10_000)}
		bounds := [][2]int64{{0, 10_000}}
		for i := 1; i < 1+r.IntN(50); i++ {
			p := r.IntN(i)
			lo, hi := bounds[p][0], bounds[p][1]
			s := lo + r.Int64N(hi-lo+1)
			e := s + r.Int64N(hi-s+1)
			spans = append(spans, at(uint64(i+1), uint64(p+1), 1, s, e))
			bounds = append(bounds, [2]int64{s, e})
		}
		_, cp := NewWorkspace().Analyze(spans)
		var sum int64
		for _, c := range cp {
			sum += c
		}
		if sum != 10_000 {
			t.Fatalf("seed %d: critical path sums to %d ns, want the root's 10000", seed, sum)
		}
	}
}
