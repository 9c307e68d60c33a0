package latencyconnector

import (
	"math"
	"slices"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// Cumulative histograms of seconds, in the two OpenTelemetry layouts:
//   - explicit: bucket i counts values in (bounds[i-1], bounds[i]], the last one values above
//     every bound; O(log buckets) per value;
//   - exponential (base 2): bucket i at scale s counts values in (2^(i·2^-s), 2^((i+1)·2^-s)],
//     zeros apart; it starts at scale 20 and halves its resolution (scale − 1, neighbouring
//     buckets merged) whenever the values would need more than maxSize buckets. O(1) per value
//     amortised; memory O(maxSize).

type histogram interface {
	record(seconds float64)
	// appendTo adds this histogram's data point over (start, now] to metric m (of the matching
	// type) and returns the point's attributes and exemplars to fill.
	appendTo(m pmetric.Metric, start, now pcommon.Timestamp) (pcommon.Map, pmetric.ExemplarSlice)
}

type explicitHistogram struct {
	bounds []float64 // shared by every series
	counts []uint64
	sum    float64
}

func newExplicitHistogram(bounds []float64) *explicitHistogram {
	return &explicitHistogram{bounds: bounds, counts: make([]uint64, len(bounds)+1)}
}

func (h *explicitHistogram) record(v float64) {
	i, _ := slices.BinarySearch(h.bounds, v)
	h.counts[i]++
	h.sum += v
}

func (h *explicitHistogram) appendTo(m pmetric.Metric, start, now pcommon.Timestamp) (pcommon.Map, pmetric.ExemplarSlice) {
	dp := m.Histogram().DataPoints().AppendEmpty()
	dp.SetStartTimestamp(start)
	dp.SetTimestamp(now)
	dp.ExplicitBounds().FromRaw(h.bounds)
	dp.BucketCounts().FromRaw(h.counts)
	var count uint64
	for _, c := range h.counts {
		count += c
	}
	dp.SetCount(count)
	dp.SetSum(h.sum)
	return dp.Attributes(), dp.Exemplars()
}

const maxScale = 20

type exponentialHistogram struct {
	maxSize     int32
	scale       int32
	offset      int32
	counts      []uint64
	zero, count uint64
	sum         float64
}

func newExponentialHistogram(maxSize int32) *exponentialHistogram {
	return &exponentialHistogram{maxSize: maxSize, scale: maxScale}
}

// bucketIndex of a positive value at a scale (see the file header).
func bucketIndex(v float64, scale int32) int32 {
	frac, exp := math.Frexp(v) // v = frac · 2^exp, frac in [0.5, 1)
	powerOfTwo := frac == 0.5
	if scale <= 0 {
		i := int32(exp - 1)
		if powerOfTwo {
			i--
		}
		return i >> -scale
	}
	if powerOfTwo {
		return int32(exp-1)<<scale - 1
	}
	return int32(math.Ceil(math.Ldexp(math.Log2(v), int(scale)))) - 1
}

func (h *exponentialHistogram) record(v float64) {
	h.count++
	h.sum += v
	if v <= 0 {
		h.zero++
		return
	}
	i := bucketIndex(v, h.scale)
	if len(h.counts) == 0 {
		h.offset = i
		h.counts = append(h.counts, 1)
		return
	}
	lo, hi := min(h.offset, i), max(h.offset+int32(len(h.counts))-1, i)
	by := int32(0)
	for (hi>>by)-(lo>>by)+1 > h.maxSize {
		by++
	}
	if by > 0 {
		h.downscale(by)
		i >>= by
	}
	if i < h.offset {
		h.counts = append(make([]uint64, h.offset-i), h.counts...)
		h.offset = i
	}
	for i >= h.offset+int32(len(h.counts)) {
		h.counts = append(h.counts, 0)
	}
	h.counts[i-h.offset]++
}

// downscale lowers the scale by `by`, merging each 2^by neighbouring buckets.
func (h *exponentialHistogram) downscale(by int32) {
	offset := h.offset >> by
	merged := make([]uint64, (h.offset+int32(len(h.counts))-1)>>by-offset+1)
	for k, c := range h.counts {
		merged[(h.offset+int32(k))>>by-offset] += c
	}
	h.counts, h.offset, h.scale = merged, offset, h.scale-by
}

func (h *exponentialHistogram) appendTo(m pmetric.Metric, start, now pcommon.Timestamp) (pcommon.Map, pmetric.ExemplarSlice) {
	dp := m.ExponentialHistogram().DataPoints().AppendEmpty()
	dp.SetStartTimestamp(start)
	dp.SetTimestamp(now)
	dp.SetScale(h.scale)
	dp.SetZeroCount(h.zero)
	dp.Positive().SetOffset(h.offset)
	dp.Positive().BucketCounts().FromRaw(h.counts)
	dp.SetCount(h.count)
	dp.SetSum(h.sum)
	return dp.Attributes(), dp.Exemplars()
}
