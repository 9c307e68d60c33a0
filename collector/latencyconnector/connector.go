package latencyconnector

import (
	"context"
	"encoding/binary"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/engine"
	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/otlpspan"
)

// latencyConnector receives spans, groups them by trace (buffer.go), analyses each trace once
// its wait is over (internal/engine: self time and critical path, Definitions:
// src/engine/DEFINITIONS.md), records every span in its series' histograms (series.go) and
// emits the metrics every metrics_flush_interval and at shutdown (emit.go). One mutex guards
// the state; per span the work is O(dimensions) on arrival and O(log n) amortised in analysis.
type latencyConnector struct {
	cfg    *Config
	logger *zap.Logger
	next   consumer.Metrics
	// now and newTicker are the clock; tests replace them.
	now       func() time.Time
	newTicker func(time.Duration) (<-chan time.Time, func())

	mu        sync.Mutex
	buf       *buffer
	table     *seriesTable
	counts    *counters
	workspace *engine.Workspace
	started   time.Time

	stop chan struct{}
	done sync.WaitGroup
}

func newConnector(cfg *Config, logger *zap.Logger, next consumer.Metrics) *latencyConnector {
	counts := newCounters()
	return &latencyConnector{
		cfg:       cfg,
		logger:    logger,
		next:      next,
		now:       time.Now,
		newTicker: realTicker,
		buf:       newBuffer(cfg, counts),
		table:     newSeriesTable(cfg),
		counts:    counts,
		workspace: engine.NewWorkspace(),
	}
}

func realTicker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

func (c *latencyConnector) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: false}
}

// Start begins closing due traces (every quarter of the wait, between 10 ms and 1 s) and
// emitting the metrics every metrics_flush_interval.
func (c *latencyConnector) Start(context.Context, component.Host) error {
	c.started = c.now()
	c.stop = make(chan struct{})
	expiry, stopExpiry := c.newTicker(min(max(c.cfg.Wait/4, 10*time.Millisecond), time.Second))
	flush, stopFlush := c.newTicker(c.cfg.MetricsFlushInterval)
	c.done.Add(1)
	go func() {
		defer c.done.Done()
		defer stopExpiry()
		defer stopFlush()
		for {
			select {
			case <-expiry:
				c.closeDue(c.now())
			case <-flush:
				c.emit(context.Background(), c.now())
			case <-c.stop:
				return
			}
		}
	}()
	return nil
}

// Shutdown drops the traces still open, counting them as incomplete (reason shutdown), and
// emits the metrics one last time: what is lost is counted, nothing is counted twice.
func (c *latencyConnector) Shutdown(ctx context.Context) error {
	if c.stop == nil {
		return nil
	}
	close(c.stop)
	c.done.Wait()
	c.mu.Lock()
	c.buf.dropAll(reasonShutdown)
	c.mu.Unlock()
	return c.emit(ctx, c.now())
}

func (c *latencyConnector) ConsumeTraces(_ context.Context, td ptrace.Traces) error {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rs := range td.ResourceSpans().All() {
		resource := rs.Resource().Attributes()
		for _, ss := range rs.ScopeSpans().All() {
			for _, span := range ss.Spans().All() {
				c.consumeSpan(span, resource, now)
			}
		}
	}
	return nil
}

func (c *latencyConnector) consumeSpan(span ptrace.Span, resource pcommon.Map, now time.Time) {
	traceID := span.TraceID()
	t := c.buf.traceFor(traceID, now)
	if t == nil {
		c.counts.droppedSpans[reasonLate]++
		return
	}
	var series uint32
	if !t.oversize {
		series = c.table.seriesOf(span, resource)
	}
	c.buf.add(t, otlpspan.Read(span, traceID), series)
}

// closeDue analyses every trace whose wait has ended at now.
func (c *latencyConnector) closeDue(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for t := c.buf.due(now); t != nil; t = c.buf.due(now) {
		c.analyze(t, now)
	}
}

func (c *latencyConnector) analyze(t *openTrace, now time.Time) {
	self, cp := c.workspace.Analyze(t.spans)
	for i, s := range t.spans {
		var spanID pcommon.SpanID
		binary.BigEndian.PutUint64(spanID[:], s.ID)
		c.table.observe(t.series[i], time.Duration(self[i]), time.Duration(cp[i]), t.id, spanID, now)
	}
	c.counts.analyzedTraces++
}

// emit sends the metrics as of now to the next consumer.
func (c *latencyConnector) emit(ctx context.Context, now time.Time) error {
	c.mu.Lock()
	md := c.metrics(c.started, now)
	c.mu.Unlock()
	err := c.next.ConsumeMetrics(ctx, md)
	if err != nil {
		c.logger.Warn("the next consumer refused the latency metrics", zap.Error(err))
	}
	return err
}
