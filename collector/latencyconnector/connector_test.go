package latencyconnector

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

const (
	selfTime     = "tracelens.span.self_time"
	criticalTime = "tracelens.span.critical_path_time"
	analyzed     = "tracelens.traces.analyzed"
	incomplete   = "tracelens.traces.incomplete"
	dropped      = "tracelens.spans.dropped"
)

// shopTrace: R [0,50] (server) calls producer P [10,30], whose consumer C runs [20,80] on
// another service, and logs to F [5,8], a span that links to R (FOLLOWS_FROM: async).
// Self: R = 50 − 3 − 20 = 27, P = 20 − |[20,30]| = 10, C = 60, F = 3.
// Critical path (DEFINITIONS.md): R (0,10], P (10,30], R (30,50], C (50,80]; F is not waited for.
var shopTrace = []sp{
	{1, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 50},
	{1, 2, 1, "shop", "publish", ptrace.SpanKindProducer, 10, 30},
	{1, 3, 2, "worker", "consume", ptrace.SpanKindConsumer, 20, 80},
	{1, 4, 1, "shop", "audit", ptrace.SpanKindInternal, 5, 8},
}

func linkAuditToRoot(i int, span ptrace.Span) {
	if span.Name() == "audit" {
		span.Links().AppendEmpty().SetSpanID(spanID(1))
	}
}

func (h *harness) sendShop(spans []sp) {
	h.t.Helper()
	if err := h.c.ConsumeTraces(context.Background(), traces(spans, linkAuditToRoot)); err != nil {
		h.t.Fatal(err)
	}
}

func checkShop(t *testing.T, h *harness) {
	t.Helper()
	md := h.metrics()
	for _, c := range []struct {
		service, name, kind string
		self, cp            int64
	}{
		{"shop", "GET /", "SPAN_KIND_SERVER", 27, 30},
		{"shop", "publish", "SPAN_KIND_PRODUCER", 10, 20},
		{"worker", "consume", "SPAN_KIND_CONSUMER", 60, 30},
		{"shop", "audit", "SPAN_KIND_INTERNAL", 3, 0},
	} {
		attrs := serviceOp(c.service, c.name, c.kind)
		self := histPoint(t, md, selfTime, attrs)
		cp := histPoint(t, md, criticalTime, attrs)
		if self.Count() != 1 || ns(self.Sum()) != c.self || ns(cp.Sum()) != c.cp {
			t.Errorf("%s: self %d ns (count %d), critical path %d ns; want %d and %d", c.name, ns(self.Sum()), self.Count(), ns(cp.Sum()), c.self, c.cp)
		}
		if self.BucketCounts().At(0) != 1 {
			t.Errorf("%s: %d ns should be in the first bucket (≤ 100µs): %v", c.name, c.self, self.BucketCounts().AsRaw())
		}
	}
	if got := counter(t, md, analyzed, ""); got != 1 {
		t.Errorf("traces analysed: %d, want 1", got)
	}
}

func TestAnalysesATraceOnceItsWaitIsOver(t *testing.T) {
	h := newHarness(t, nil)
	h.sendShop(shopTrace)
	h.advance(10*time.Second - 1)
	if got := counter(t, h.metrics(), analyzed, ""); got != 0 {
		t.Fatalf("analysed %d traces before the wait was over", got)
	}
	h.advance(1)
	checkShop(t, h)
}

func TestSpansInAnyOrderAndBatchesGiveTheSameAnswer(t *testing.T) {
	h := newHarness(t, nil)
	for i := len(shopTrace) - 1; i >= 0; i-- {
		h.sendShop(shopTrace[i : i+1])
		h.advance(9 * time.Second) // each span restarts the wait
	}
	if got := counter(t, h.metrics(), analyzed, ""); got != 0 {
		t.Fatalf("analysed %d traces while spans kept coming", got)
	}
	h.advance(time.Second)
	checkShop(t, h)
}

func TestExemplarsCarryTheTraceAndSpan(t *testing.T) {
	h := newHarness(t, nil)
	h.sendShop(shopTrace)
	h.advance(10 * time.Second)
	md := h.metrics()
	ex := histPoint(t, md, criticalTime, serviceOp("worker", "consume", "SPAN_KIND_CONSUMER")).Exemplars()
	if ex.Len() != 1 || ex.At(0).TraceID() != traceID(1) || ex.At(0).SpanID() != spanID(3) || ns(ex.At(0).DoubleValue()) != 30 {
		t.Fatalf("exemplars %d, first %v/%v %v", ex.Len(), ex.At(0).TraceID(), ex.At(0).SpanID(), ex.At(0).DoubleValue())
	}
	// sent once: the next emission has none
	if n := histPoint(t, h.metrics(), criticalTime, serviceOp("worker", "consume", "SPAN_KIND_CONSUMER")).Exemplars().Len(); n != 0 {
		t.Fatalf("%d exemplars sent again", n)
	}
}

func TestSpansAfterTheWaitAreCountedLate(t *testing.T) {
	h := newHarness(t, nil)
	h.sendShop(shopTrace[:3])
	h.advance(10 * time.Second)
	h.sendShop(shopTrace[3:]) // F arrives after its trace was analysed
	h.advance(10 * time.Second)
	md := h.metrics()
	// the late span must not start a second trace
	wantCounts(t, md, []count{{dropped, reasonLate, 1}, {analyzed, "", 1}})
	// analysed without F: R's self time is 50 − 20 = 30
	if got := ns(histPoint(t, md, selfTime, serviceOp("shop", "GET /", "SPAN_KIND_SERVER")).Sum()); got != 30 {
		t.Errorf("R's self time %d ns, want 30", got)
	}
}

func TestATraceOverTheSpanLimitIsDroppedAndCounted(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxSpansPerTrace = 3 })
	h.sendShop(shopTrace[:2])
	h.sendShop(shopTrace[2:])                                             // the 4th span crosses the limit
	h.send(sp{1, 9, 1, "shop", "retry", ptrace.SpanKindInternal, 60, 70}) // a 5th, still open
	h.send(sp{2, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 10})    // another trace, fine
	h.advance(10 * time.Second)
	md := h.metrics()
	wantCounts(t, md, []count{{dropped, reasonOversize, 5}, {incomplete, reasonOversize, 1}, {analyzed, "", 1}})
	if got := histPoint(t, md, selfTime, serviceOp("shop", "GET /", "SPAN_KIND_SERVER")).Count(); got != 1 {
		t.Errorf("GET / spans recorded: %d, want 1 (only the second trace's)", got)
	}
}

func TestAFloodOfSingleSpanTracesStaysWithinMaxTraces(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxTraces = 100 })
	for i := range uint64(10_000) {
		h.send(sp{i + 1, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 10})
		if len(h.c.buf.open) > 100 || len(h.c.buf.closed) > 100 {
			t.Fatalf("after %d traces: %d open, %d closed ids remembered; the bound is 100", i+1, len(h.c.buf.open), len(h.c.buf.closed))
		}
	}
	h.advance(10 * time.Second)
	md := h.metrics()
	// the 100 newest are analysed
	wantCounts(t, md, []count{{incomplete, reasonEvicted, 9_900}, {dropped, reasonEvicted, 9_900}, {analyzed, "", 100}})
}

func TestShutdownCountsWhatIsLostOnce(t *testing.T) {
	h := newHarness(t, nil)
	h.sendShop(shopTrace)
	h.advance(10 * time.Second)
	h.send(
		sp{2, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 10},
		sp{2, 2, 1, "shop", "query", ptrace.SpanKindClient, 2, 8},
	)
	if err := h.c.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	all := h.sink.AllMetrics()
	md := all[len(all)-1]
	wantCounts(t, md, []count{
		{dropped, reasonShutdown, 2}, {dropped, reasonLate, 0}, {dropped, reasonEvicted, 0},
		{dropped, reasonOversize, 0}, {incomplete, reasonShutdown, 1}, {analyzed, "", 1},
	})
	// every span sent is counted once: 4 analysed + 2 dropped
	var recorded uint64
	m := metric(t, md, selfTime)
	for i := range m.Histogram().DataPoints().Len() {
		recorded += m.Histogram().DataPoints().At(i).Count()
	}
	if recorded != 4 {
		t.Errorf("spans in the histograms: %d, want 4", recorded)
	}
}

// A span id of zero is an id like any other (DEFINITIONS.md §2, as the TypeScript reader): the
// span is analysed. A zero parent id means "no parent", so "query" below is a second root.
// Self: GET / 10, query 6. Critical path: GET / has the latest reach (10) and owns (0,10];
// query (reach 8) ends before it and is never on the path: 0.
func TestASpanWithAZeroIDIsAnalysed(t *testing.T) {
	h := newHarness(t, nil)
	h.send(
		sp{1, 0, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 10},
		sp{1, 5, 0, "shop", "query", ptrace.SpanKindClient, 2, 8},
	)
	h.advance(10 * time.Second)
	md := h.metrics()
	for _, c := range []struct {
		name, kind string
		self, cp   int64
	}{{"GET /", "SPAN_KIND_SERVER", 10, 10}, {"query", "SPAN_KIND_CLIENT", 6, 0}} {
		attrs := serviceOp("shop", c.name, c.kind)
		self, cp := histPoint(t, md, selfTime, attrs), histPoint(t, md, criticalTime, attrs)
		if self.Count() != 1 || ns(self.Sum()) != c.self || ns(cp.Sum()) != c.cp {
			t.Errorf("%s: self %d ns (count %d), critical path %d ns; want %d and %d", c.name, ns(self.Sum()), self.Count(), ns(cp.Sum()), c.self, c.cp)
		}
	}
	wantCounts(t, md, []count{{analyzed, "", 1}, {dropped, reasonLate, 0}})
}

func TestDimensionsFromSpanAndResourceAttributes(t *testing.T) {
	h := newHarness(t, func(c *Config) {
		c.Dimensions = []string{"service.name", "http.route", "deployment.environment", "status.code"}
	})
	td := traces([]sp{
		{1, 1, 0, "shop", "GET /items/7", ptrace.SpanKindServer, 0, 40},
		{1, 2, 1, "shop", "SELECT", ptrace.SpanKindClient, 10, 20},
	}, func(i int, span ptrace.Span) {
		if i == 0 {
			span.Attributes().PutStr("http.route", "/items/{id}")
			span.Attributes().PutInt("deployment.environment", 7) // the span's wins, as a string
			span.Status().SetCode(ptrace.StatusCodeError)
		}
	})
	td.ResourceSpans().At(1).Resource().Attributes().PutStr("deployment.environment", "prod")
	if err := h.c.ConsumeTraces(context.Background(), td); err != nil {
		t.Fatal(err)
	}
	h.advance(10 * time.Second)
	md := h.metrics()
	root := histPoint(t, md, selfTime, map[string]any{
		"service.name": "shop", "http.route": "/items/{id}", "deployment.environment": "7", "status.code": "STATUS_CODE_ERROR",
	})
	child := histPoint(t, md, selfTime, map[string]any{
		"service.name": "shop", "deployment.environment": "prod", "status.code": "STATUS_CODE_UNSET",
	})
	if ns(root.Sum()) != 30 || ns(child.Sum()) != 10 {
		t.Fatalf("self times %d and %d ns, want 30 and 10", ns(root.Sum()), ns(child.Sum()))
	}
}

func TestSeriesBeyondMaxSeriesShareTheOverflowSeries(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxSeries = 1 })
	h.send(
		sp{1, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 40},
		sp{1, 2, 1, "shop", "a", ptrace.SpanKindInternal, 0, 10},
		sp{1, 3, 1, "shop", "b", ptrace.SpanKindInternal, 20, 30},
	)
	h.advance(10 * time.Second)
	md := h.metrics()
	overflow := histPoint(t, md, selfTime, map[string]any{"otel.metric.overflow": true})
	if overflow.Count() != 2 || ns(overflow.Sum()) != 20 {
		t.Fatalf("overflow series: %d spans, %d ns; want 2 and 20", overflow.Count(), ns(overflow.Sum()))
	}
	if got := ns(histPoint(t, md, selfTime, serviceOp("shop", "GET /", "SPAN_KIND_SERVER")).Sum()); got != 20 {
		t.Fatalf("GET / self time %d ns, want 20", got)
	}
}

func TestExponentialHistograms(t *testing.T) {
	h := newHarness(t, func(c *Config) {
		c.Histogram.Exponential = &ExponentialHistogramConfig{MaxSize: 160}
		c.Namespace = "acme.latency"
	})
	// R [0, 1s] waits for S [0, 0.5s]: self 0.5 s each; critical path R 0.5 s, S 0.5 s.
	h.send(
		sp{1, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 1e9},
		sp{1, 2, 1, "shop", "work", ptrace.SpanKindInternal, 0, 5e8},
	)
	h.advance(10 * time.Second)
	m := metric(t, h.metrics(), "acme.latency.span.self_time")
	if m.Unit() != "s" || m.ExponentialHistogram().DataPoints().Len() != 2 {
		t.Fatalf("want an exponential histogram in seconds with 2 points, got %v", m.Type())
	}
	dp := m.ExponentialHistogram().DataPoints().At(0)
	// 0.5 = 2^-1 is the upper bound of bucket (-1 << 20) − 1 at scale 20
	if dp.Count() != 1 || dp.Sum() != 0.5 || dp.Scale() != 20 || dp.Positive().Offset() != -(1<<20)-1 {
		t.Fatalf("point: count %d sum %v scale %d offset %d", dp.Count(), dp.Sum(), dp.Scale(), dp.Positive().Offset())
	}
}

func TestTheTraceIDOfALinkMustBeThisTrace(t *testing.T) {
	h := newHarness(t, nil)
	td := traces([]sp{
		{1, 1, 0, "shop", "GET /", ptrace.SpanKindServer, 0, 50},
		{1, 2, 1, "shop", "call", ptrace.SpanKindInternal, 10, 30},
	}, func(i int, span ptrace.Span) {
		if i == 1 {
			l := span.Links().AppendEmpty()
			l.SetSpanID(spanID(1))
			l.SetTraceID(pcommon.TraceID{9}) // same span id in another trace: not FOLLOWS_FROM
		}
	})
	if err := h.c.ConsumeTraces(context.Background(), td); err != nil {
		t.Fatal(err)
	}
	h.advance(10 * time.Second)
	if got := ns(histPoint(t, h.metrics(), criticalTime, serviceOp("shop", "call", "SPAN_KIND_INTERNAL")).Sum()); got != 20 {
		t.Fatalf("call's critical-path time %d ns, want 20 (a sync child)", got)
	}
}
