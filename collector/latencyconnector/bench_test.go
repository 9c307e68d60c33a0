package latencyconnector

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Benchmarks (tests/bench/bench.sh prints them with the engine's): spans per second on one
// core through ConsumeTraces, analysis and emission, with 200-span traces; and heap bytes per
// span held while traces wait. Targets: ≥ 100k spans/s/core, ≤ 1 KiB per in-flight span.

const benchSpans = 200

// benchTrace: one 200-span trace over 5 services and 20 operations, each span inside its
// parent, a few consumers; the same shape every run (fixed seed).
func benchTrace() ptrace.Traces {
	r := rand.New(rand.NewPCG(1, 2))
	spans := make([]sp, benchSpans)
	spans[0] = sp{1, 1, 0, "svc-0", "op-0", ptrace.SpanKindServer, 0, 100_000_000}
	for i := 1; i < benchSpans; i++ {
		p := spans[r.IntN(i)]
		start := p.start + r.Int64N(p.end-p.start)
		end := start + r.Int64N(p.end-start+1)
		kind := []ptrace.SpanKind{ptrace.SpanKindInternal, ptrace.SpanKindClient, ptrace.SpanKindServer, ptrace.SpanKindConsumer}[r.IntN(4)]
		spans[i] = sp{1, uint64(i + 1), p.id, fmt.Sprintf("svc-%d", r.IntN(5)), fmt.Sprintf("op-%d", r.IntN(20)), kind, start, end}
	}
	return traces(spans, nil)
}

// setTraceID gives every span of td the trace id n.
func setTraceID(td ptrace.Traces, n uint64) {
	id := traceID(n)
	for _, rs := range td.ResourceSpans().All() {
		for _, ss := range rs.ScopeSpans().All() {
			for _, s := range ss.Spans().All() {
				s.SetTraceID(id)
			}
		}
	}
}

func BenchmarkSpansPerSecond200SpanTraces(b *testing.B) {
	h := newHarness(b, nil)
	td := benchTrace()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		setTraceID(td, uint64(i+1))
		if err := h.c.ConsumeTraces(ctx, td); err != nil {
			b.Fatal(err)
		}
		if i%100 == 99 {
			h.advance(h.c.cfg.Wait)
		}
		if i%1000 == 999 {
			h.metrics()
		}
	}
	h.advance(h.c.cfg.Wait)
	b.ReportMetric(float64(b.N*benchSpans)/b.Elapsed().Seconds(), "spans/s")
}

func BenchmarkBytesPerInFlightSpan(b *testing.B) {
	const tracesHeld = 500
	td := benchTrace()
	var total float64
	for range b.N {
		h := newHarness(b, nil)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range uint64(tracesHeld) {
			setTraceID(td, i+1)
			if err := h.c.ConsumeTraces(context.Background(), td); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if len(h.c.buf.open) != tracesHeld {
			b.Fatalf("%d traces in flight, want %d", len(h.c.buf.open), tracesHeld)
		}
		total += float64(after.HeapAlloc-before.HeapAlloc) / (tracesHeld * benchSpans)
		runtime.KeepAlive(h)
		h.now = h.now.Add(time.Hour)
	}
	b.ReportMetric(total/float64(b.N), "bytes/in-flight-span")
}
