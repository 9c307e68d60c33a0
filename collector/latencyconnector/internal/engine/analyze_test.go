package engine

import (
	"slices"
	"testing"
)

// Hand-worked traces: times in ns after base; the expected self and critical-path (cp) times
// are worked out in the comments, to the nanosecond.

const base = uint64(1_700_000_000_000_000_000)

type want struct{ self, cp int64 }

// at builds a span with times relative to base (-1: unknown).
func at(id, parent uint64, kind uint8, start, end int64) Span {
	abs := func(t int64) uint64 {
		if t < 0 {
			return 0
		}
		return base + uint64(t)
	}
	return Span{ID: id, Parent: parent, HasParent: parent != 0, Kind: kind, Start: abs(start), End: abs(end)}
}

func check(t *testing.T, spans []Span, expected []want) {
	t.Helper()
	self, cp := NewWorkspace().Analyze(spans)
	for i, e := range expected {
		if self[i] != e.self || cp[i] != e.cp {
			t.Errorf("span %d (id %d): self %d cp %d, want self %d cp %d", i, spans[i].ID, self[i], cp[i], e.self, e.cp)
		}
	}
}

func TestParallelSyncChildren(t *testing.T) {
	// S [0,100] waits for A [10,40] and B [30,90]. Self: S = 100 − |[10,90]| = 20.
	// Path: S (90,100], B (30,90]; A ended after B started, so S owns (0,30].
	check(t, []Span{
		at(1, 0, KindServer, 0, 100),
		at(2, 1, 1, 10, 40),
		at(3, 1, 1, 30, 90),
	}, []want{{20, 40}, {30, 0}, {60, 60}})
}

func TestAsyncConsumerJoinsAfterItsProducerEnds(t *testing.T) {
	// DEFINITIONS.md's worked example: R [0,50] → producer P [10,30] → consumer C [20,80].
	// Path R(0,10] P(10,30] R(30,50] C(50,80]. Self: P = 20 − |[20,30]| = 10.
	check(t, []Span{
		at(1, 0, KindServer, 0, 50),
		at(2, 1, 4, 10, 30),
		at(3, 2, KindConsumer, 20, 80),
	}, []want{{30, 30}, {10, 20}, {60, 30}})
}

func TestFollowsFromChildIsNotWaitedFor(t *testing.T) {
	// F [10,30] links to its parent P [0,100]: P owns the whole path; self still subtracts F.
	f := at(2, 1, 1, 10, 30)
	f.LinksParent = true
	check(t, []Span{at(1, 0, KindServer, 0, 100), f}, []want{{80, 100}, {20, 0}})
}

func TestUnknownTimesAreRepaired(t *testing.T) {
	// X has no times: [20,50] from its child G. Y has no start: parent's start 0 → [0,70].
	// Z ends before it starts: [80,80]. P's children by start: Y, X, Z.
	// Self P = 100 − |[0,70]| = 30. Path: P (80,100], Z nothing, P (70,80], Y (0,70].
	check(t, []Span{
		at(1, 0, 1, 0, 100),
		at(2, 1, 1, -1, -1),
		at(3, 2, 1, 20, 50),
		at(4, 1, 1, -1, 70),
		at(5, 1, 1, 80, 60),
	}, []want{{30, 30}, {0, 0}, {30, 0}, {70, 70}, {0, 0}})
}

func TestUnknownStartOfARootWithoutChildrenTakesItsEnd(t *testing.T) {
	// Time zero is the earliest known start (R's 10). Q has no start, no parent, no children:
	// start = its end 40 → zero duration. R [10,60] alone is the path.
	check(t, []Span{at(1, 0, 1, 10, 60), at(2, 0, 1, -1, 40)}, []want{{50, 50}, {0, 0}})
}

func TestSkewIsClippedAndOutlivingWorkIsTail(t *testing.T) {
	// Client C [10,110] → server S [0,130], clipped to [10,110]; S's child D [60,140] outlives S
	// (not a server of a client: kept). Self: S = 100 − |[60,110]| = 50, D = 80.
	// Path: D (110,140] as tail; S (10,110]; C owns nothing.
	check(t, []Span{
		at(1, 0, KindClient, 10, 110),
		at(2, 1, KindServer, 0, 130),
		at(3, 2, 1, 60, 140),
	}, []want{{0, 0}, {50, 100}, {80, 30}})
}

func TestMultipleRootsAndOrphans(t *testing.T) {
	// R1 [0,50] with K [10,20]; R2 [40,100] names an absent parent (orphan: a root). Roots chain
	// by reach: R2 (40,100]; R1's reach 50 is after R2's start, so it is not on the path.
	check(t, []Span{
		at(1, 0, 1, 0, 50),
		at(2, 1, 1, 10, 20),
		at(3, 99, 1, 40, 100),
	}, []want{{40, 0}, {10, 0}, {60, 60}})
}

func TestCyclesAreBrokenAtTheEarliestSpan(t *testing.T) {
	// A [0,100] and B [10,50] name each other; A (earliest) becomes the root. S [60,70] is its own
	// parent: a root whose reach 70 is after A's start, so off the path.
	check(t, []Span{
		at(1, 2, 1, 0, 100),
		at(2, 1, 1, 10, 50),
		at(3, 3, 1, 60, 70),
	}, []want{{60, 60}, {40, 40}, {10, 0}})
}

func TestDuplicateIDsGiveChildrenToTheEarliestStart(t *testing.T) {
	// D1 [20,30] and D2 [10,15] share id 2; D2 starts first, so X [12,14] is its child.
	// Path: R (30,100] D1 (20,30] R (15,20] D2 (14,15] X (12,14] D2 (10,12] R (0,10].
	check(t, []Span{
		at(1, 0, 1, 0, 100),
		at(2, 1, 1, 20, 30),
		at(2, 1, 1, 10, 15),
		at(3, 2, 1, 12, 14),
	}, []want{{85, 85}, {10, 10}, {3, 3}, {2, 2}})
}

func TestTiesTakeTheLaterSibling(t *testing.T) {
	// A [0,10] and B [5,10] end together: the later-starting B is on the path, (5,10]; A ended
	// after B's start, so P owns (0,5]. Self: P is covered by A, so 0.
	check(t, []Span{
		at(1, 0, 1, 0, 10),
		at(2, 1, 1, 0, 10),
		at(3, 1, 1, 5, 10),
	}, []want{{0, 5}, {10, 0}, {5, 5}})
}

func TestWorkspaceReuseGivesTheSameAnswer(t *testing.T) {
	w := NewWorkspace()
	big := []Span{at(1, 0, 1, 0, 100), at(2, 1, 1, 10, 40), at(3, 1, 1, 30, 90), at(4, 3, 1, 35, 95)}
	small := []Span{at(7, 0, 1, 0, 10), at(8, 7, KindConsumer, 2, 30)}
	w.Analyze(big)
	self, cp := w.Analyze(small)
	// P [0,10] with consumer C [2,30]: P owns (0,10], C's tail (10,30].
	if !slices.Equal(self, []int64{2, 28}) || !slices.Equal(cp, []int64{10, 20}) {
		t.Fatalf("self %v cp %v", self, cp)
	}
}
