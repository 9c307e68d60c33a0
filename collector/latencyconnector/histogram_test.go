package latencyconnector

import (
	"slices"
	"testing"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

func TestBucketIndexOfExponentialHistograms(t *testing.T) {
	for _, c := range []struct {
		v     float64
		scale int32
		want  int32
	}{
		{1, 0, -1},   // (1/2, 1]
		{3, 0, 1},    // (2, 4]
		{4, 0, 1},    // (2, 4]: bounds are inclusive above
		{0.3, 0, -2}, // (1/4, 1/2]
		{4, 1, 3},    // base √2: (2^1.5, 2^2]
		{3, 1, 3},    // 2^1.5 ≈ 2.83 < 3
		{2.5, 1, 2},  // (2, 2.83]
		{3, -1, 0},   // base 4: (1, 4]
		{1, -1, -1},  // (1/4, 1]
	} {
		if got := bucketIndex(c.v, c.scale); got != c.want {
			t.Errorf("bucketIndex(%v, %d) = %d, want %d", c.v, c.scale, got, c.want)
		}
	}
}

func TestExponentialHistogramDownscalesToItsMaxSize(t *testing.T) {
	h := newExponentialHistogram(2)
	h.record(1)
	h.record(4)
	h.record(0)
	// scale 0 would need buckets -1..1 (3 > 2); at scale −1 (base 4): (1/4,1] and (1,4]
	if h.scale != -1 || h.offset != -1 || !slices.Equal(h.counts, []uint64{1, 1}) || h.zero != 1 || h.count != 3 || h.sum != 5 {
		t.Fatalf("scale %d offset %d counts %v zero %d count %d sum %v", h.scale, h.offset, h.counts, h.zero, h.count, h.sum)
	}
	h.record(0.1) // base 4: 0.1 is in (1/16, 1/4], bucket −2
	if h.scale != -2 || h.offset != -1 || !slices.Equal(h.counts, []uint64{2, 1}) {
		t.Fatalf("scale %d offset %d counts %v", h.scale, h.offset, h.counts)
	}
}

func TestExplicitHistogramBucketsAreInclusiveAbove(t *testing.T) {
	h := newExplicitHistogram([]float64{0.25, 1})
	for _, v := range []float64{0, 0.25, 0.5, 1, 4} {
		h.record(v)
	}
	m := pmetric.NewMetric()
	m.SetEmptyHistogram()
	h.appendTo(m, pcommon.Timestamp(1), pcommon.Timestamp(2))
	dp := m.Histogram().DataPoints().At(0)
	if !slices.Equal(dp.BucketCounts().AsRaw(), []uint64{2, 2, 1}) || dp.Count() != 5 || dp.Sum() != 5.75 {
		t.Fatalf("counts %v count %d sum %v", dp.BucketCounts().AsRaw(), dp.Count(), dp.Sum())
	}
}
