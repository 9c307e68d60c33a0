package latencyconnector

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Series: one per combination of dimension values, holding a self-time and a critical-path-time
// histogram and the exemplars seen since the last emission. The table is bounded: past
// max_series, new combinations share one overflow series marked otel.metric.overflow=true.
// A span's series is found from a key of its dimension values: O(dimensions) per span, no
// allocation when the series exists.

// dimension value of a span as it enters the series key and attributes; absent dimensions
// are left out of the series' attributes.
type dimValue struct {
	value   string
	present bool
}

type series struct {
	attrs         []dimValue // one per configured dimension
	overflow      bool
	self, cp      histogram
	selfExemplars []exemplar
	cpExemplars   []exemplar
}

type exemplar struct {
	traceID pcommon.TraceID
	spanID  pcommon.SpanID
	seconds float64
	at      time.Time
}

type seriesTable struct {
	cfg        *Config
	bounds     []float64 // explicit bucket bounds in seconds
	index      map[string]uint32
	all        []*series
	overflowAt int32 // index of the overflow series, -1 until needed
	key        []byte
	values     []dimValue
}

func newSeriesTable(cfg *Config) *seriesTable {
	var bounds []float64
	for _, b := range cfg.Histogram.buckets() {
		bounds = append(bounds, b.Seconds())
	}
	return &seriesTable{cfg: cfg, bounds: bounds, index: map[string]uint32{}, overflowAt: -1}
}

func (t *seriesTable) newHistogram() histogram {
	if e := t.cfg.Histogram.Exponential; e != nil {
		return newExponentialHistogram(e.MaxSize)
	}
	return newExplicitHistogram(t.bounds)
}

// seriesOf returns the index of span's series, adding it when new.
func (t *seriesTable) seriesOf(span ptrace.Span, resource pcommon.Map) uint32 {
	t.key = t.key[:0]
	t.values = t.values[:0]
	for _, d := range t.cfg.Dimensions {
		v := dimensionValue(d, span, resource)
		t.values = append(t.values, v)
		if v.present {
			t.key = append(t.key, 1)
			t.key = append(t.key, v.value...)
		}
		t.key = append(t.key, 0)
	}
	if i, ok := t.index[string(t.key)]; ok {
		return i
	}
	if len(t.all) >= t.cfg.MaxSeries {
		if t.overflowAt < 0 {
			t.overflowAt = int32(len(t.all))
			t.all = append(t.all, &series{overflow: true, self: t.newHistogram(), cp: t.newHistogram()})
		}
		return uint32(t.overflowAt)
	}
	i := uint32(len(t.all))
	t.all = append(t.all, &series{attrs: append([]dimValue(nil), t.values...), self: t.newHistogram(), cp: t.newHistogram()})
	t.index[string(t.key)] = i
	return i
}

// dimensionValue: span.name, span.kind, status.code from the span; else a span attribute, else
// a resource attribute.
func dimensionValue(name string, span ptrace.Span, resource pcommon.Map) dimValue {
	switch name {
	case dimSpanName:
		return dimValue{span.Name(), true}
	case dimSpanKind:
		return dimValue{kindName(span.Kind()), true}
	case dimStatusCode:
		return dimValue{statusName(span.Status().Code()), true}
	}
	if v, ok := span.Attributes().Get(name); ok {
		return dimValue{attrString(v), true}
	}
	if v, ok := resource.Get(name); ok {
		return dimValue{attrString(v), true}
	}
	return dimValue{}
}

func attrString(v pcommon.Value) string {
	if v.Type() == pcommon.ValueTypeStr {
		return v.Str()
	}
	return v.AsString()
}

// Span kinds and status codes spelled as the span-metrics connector spells them, by number.
var (
	kindNames   = [...]string{"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"}
	statusNames = [...]string{"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"}
)

func kindName(k ptrace.SpanKind) string {
	if k < 0 || int(k) >= len(kindNames) {
		return kindNames[0]
	}
	return kindNames[k]
}

func statusName(c ptrace.StatusCode) string {
	if c < 0 || int(c) >= len(statusNames) {
		return statusNames[0]
	}
	return statusNames[c]
}

// observe records one analysed span in its series.
func (t *seriesTable) observe(s uint32, self, cp time.Duration, traceID pcommon.TraceID, spanID pcommon.SpanID, at time.Time) {
	ser := t.all[s]
	ser.self.record(self.Seconds())
	ser.cp.record(cp.Seconds())
	if limit := t.cfg.Exemplars.MaxPerDataPoint; t.cfg.Exemplars.Enabled && len(ser.selfExemplars) < limit {
		ser.selfExemplars = append(ser.selfExemplars, exemplar{traceID, spanID, self.Seconds(), at})
		ser.cpExemplars = append(ser.cpExemplars, exemplar{traceID, spanID, cp.Seconds(), at})
	}
}

// appendPoints adds one data point per series to the self and cp metrics and clears the
// exemplars, which are sent once.
func (t *seriesTable) appendPoints(self, cp pmetric.Metric, start, now pcommon.Timestamp) {
	for _, ser := range t.all {
		t.appendPoint(self, ser, ser.self, ser.selfExemplars, start, now)
		t.appendPoint(cp, ser, ser.cp, ser.cpExemplars, start, now)
		ser.selfExemplars, ser.cpExemplars = ser.selfExemplars[:0], ser.cpExemplars[:0]
	}
}

func (t *seriesTable) appendPoint(m pmetric.Metric, ser *series, h histogram, exemplars []exemplar, start, now pcommon.Timestamp) {
	attrs, out := h.appendTo(m, start, now)
	if ser.overflow {
		attrs.PutBool("otel.metric.overflow", true)
	}
	for d, v := range ser.attrs {
		if v.present {
			attrs.PutStr(t.cfg.Dimensions[d], v.value)
		}
	}
	for _, e := range exemplars {
		x := out.AppendEmpty()
		x.SetTraceID(e.traceID)
		x.SetSpanID(e.spanID)
		x.SetDoubleValue(e.seconds)
		x.SetTimestamp(pcommon.NewTimestampFromTime(e.at))
	}
}
