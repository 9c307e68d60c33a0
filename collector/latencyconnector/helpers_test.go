package latencyconnector

import (
	"context"
	"math"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Test helpers: a connector on a hand-moved clock whose tickers never fire, spans described
// in a line each, and readers of the emitted metrics.

var epoch = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

type harness struct {
	t    testing.TB
	c    *latencyConnector
	sink *consumertest.MetricsSink
	now  time.Time
}

func newHarness(t testing.TB, edit func(*Config)) *harness {
	t.Helper()
	cfg := createDefaultConfig()
	if edit != nil {
		edit(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sink: new(consumertest.MetricsSink), now: epoch}
	created, err := NewFactory().CreateTracesToMetrics(context.Background(), connectortest.NewNopSettings(Type), cfg, h.sink)
	if err != nil {
		t.Fatal(err)
	}
	h.c = created.(*latencyConnector)
	h.c.now = func() time.Time { return h.now }
	h.c.newTicker = func(time.Duration) (<-chan time.Time, func()) { return nil, func() {} }
	if err := h.c.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		t.Fatal(err)
	}
	return h
}

// advance moves the clock and closes the traces then due.
func (h *harness) advance(d time.Duration) {
	h.now = h.now.Add(d)
	h.c.closeDue(h.now)
}

// metrics emits and returns the metrics as of now.
func (h *harness) metrics() pmetric.Metrics {
	h.t.Helper()
	if err := h.c.emit(context.Background(), h.now); err != nil {
		h.t.Fatal(err)
	}
	all := h.sink.AllMetrics()
	return all[len(all)-1]
}

// sp describes a span: trace, id, parent (0: none), service, name, kind, start and end in ns
// after epoch (-1: unset, which OTLP writes as 0).
type sp struct {
	trace, id, parent uint64
	service, name     string
	kind              ptrace.SpanKind
	start, end        int64
}

func traceID(n uint64) pcommon.TraceID {
	var id pcommon.TraceID
	for k := range 8 {
		id[15-k] = byte(n >> (8 * k))
	}
	return id
}

func spanID(n uint64) pcommon.SpanID {
	var id pcommon.SpanID
	for k := range 8 {
		id[7-k] = byte(n >> (8 * k))
	}
	return id
}

// traces puts each span under a resource of its service; edit (if any) finishes each span.
func traces(spans []sp, edit func(int, ptrace.Span)) ptrace.Traces {
	td := ptrace.NewTraces()
	for i, s := range spans {
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", s.service)
		span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
		span.SetTraceID(traceID(s.trace))
		if s.id != 0 {
			span.SetSpanID(spanID(s.id))
		}
		if s.parent != 0 {
			span.SetParentSpanID(spanID(s.parent))
		}
		span.SetName(s.name)
		span.SetKind(s.kind)
		ts := func(t int64) pcommon.Timestamp {
			if t < 0 {
				return 0
			}
			return pcommon.NewTimestampFromTime(epoch.Add(time.Duration(t)))
		}
		span.SetStartTimestamp(ts(s.start))
		span.SetEndTimestamp(ts(s.end))
		if edit != nil {
			edit(i, span)
		}
	}
	return td
}

func (h *harness) send(spans ...sp) {
	h.t.Helper()
	if err := h.c.ConsumeTraces(context.Background(), traces(spans, nil)); err != nil {
		h.t.Fatal(err)
	}
}

// metric: the metric called name (the test fails without one).
func metric(t testing.TB, md pmetric.Metrics, name string) pmetric.Metric {
	t.Helper()
	ms := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	for i := range ms.Len() {
		if ms.At(i).Name() == name {
			return ms.At(i)
		}
	}
	t.Fatalf("no metric %s", name)
	return pmetric.Metric{}
}

// counter is the value of a sum metric's point with reason (or the only point, reason "").
func counter(t *testing.T, md pmetric.Metrics, name, reason string) int64 {
	t.Helper()
	m := metric(t, md, name)
	for i := range m.Sum().DataPoints().Len() {
		dp := m.Sum().DataPoints().At(i)
		r, _ := dp.Attributes().Get("reason")
		if reason == "" || r.Str() == reason {
			return dp.IntValue()
		}
	}
	t.Fatalf("%s has no point with reason %q", name, reason)
	return 0
}

// count: the expected value of a counter's point with a reason ("" for the only point).
type count struct {
	metric, reason string
	want           int64
}

func wantCounts(t *testing.T, md pmetric.Metrics, counts []count) {
	t.Helper()
	for _, c := range counts {
		if got := counter(t, md, c.metric, c.reason); got != c.want {
			t.Errorf("%s{reason=%q} = %d, want %d", c.metric, c.reason, got, c.want)
		}
	}
}

// histPoint: the explicit-histogram point of metric name whose attributes are exactly attrs.
func histPoint(t *testing.T, md pmetric.Metrics, name string, attrs map[string]any) pmetric.HistogramDataPoint {
	t.Helper()
	m := metric(t, md, name)
	for i := range m.Histogram().DataPoints().Len() {
		dp := m.Histogram().DataPoints().At(i)
		got := dp.Attributes().AsRaw()
		if len(got) == len(attrs) && mapsEqual(got, attrs) {
			return dp
		}
	}
	t.Fatalf("%s has no point with attributes %v", name, attrs)
	return pmetric.HistogramDataPoint{}
}

func mapsEqual(a, b map[string]any) bool {
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

// ns converts a sum in seconds back to whole nanoseconds.
func ns(seconds float64) int64 { return int64(math.Round(seconds * 1e9)) }

// serviceOp: the default dimensions of a span.
func serviceOp(service, name, kind string) map[string]any {
	return map[string]any{"service.name": service, "span.name": name, "span.kind": kind}
}
