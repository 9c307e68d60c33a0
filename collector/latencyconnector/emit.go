package latencyconnector

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// The connector's metrics, all cumulative since it started, under the configured namespace:
//   <ns>.span.self_time           histogram, s    self time of analysed spans, per series
//   <ns>.span.critical_path_time  histogram, s    critical-path time of analysed spans, per series
//   <ns>.traces.analyzed          sum, {trace}    traces analysed
//   <ns>.traces.incomplete        sum, {trace}    traces dropped unanalysed, by reason
//                                                 (evicted, oversize, shutdown)
//   <ns>.spans.dropped            sum, {span}     spans not analysed, by reason (late, and the
//                                                 spans of incomplete traces)
// Every span received is either in the histograms' counts or in <ns>.spans.dropped, once.
// Building them is O(series · buckets).

const scopeName = "github.com/tracelens/tracelens-analysis-app/collector/latencyconnector"

var (
	traceReasons = []string{reasonEvicted, reasonOversize, reasonShutdown}
	spanReasons  = []string{reasonLate, reasonEvicted, reasonOversize, reasonShutdown}
)

// counters of what the connector analysed or could not.
type counters struct {
	analyzedTraces   uint64
	incompleteTraces map[string]uint64
	droppedSpans     map[string]uint64
}

func newCounters() *counters {
	return &counters{incompleteTraces: map[string]uint64{}, droppedSpans: map[string]uint64{}}
}

// metrics builds every metric's cumulative value over (start, now].
func (c *latencyConnector) metrics(start, now time.Time) pmetric.Metrics {
	md := pmetric.NewMetrics()
	sm := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty()
	sm.Scope().SetName(scopeName)
	ms := sm.Metrics()
	from, to := pcommon.NewTimestampFromTime(start), pcommon.NewTimestampFromTime(now)
	ns := c.cfg.Namespace

	self := c.histogramMetric(ms, ns+".span.self_time", "Self time of spans: their duration not covered by their children (src/engine/DEFINITIONS.md).")
	cp := c.histogramMetric(ms, ns+".span.critical_path_time", "Time spans spent on their trace's critical path (src/engine/DEFINITIONS.md).")
	c.table.appendPoints(self, cp, from, to)

	analyzed := counterMetric(ms, ns+".traces.analyzed", "{trace}", "Traces analysed.")
	point(analyzed, from, to, c.counts.analyzedTraces)
	incomplete := counterMetric(ms, ns+".traces.incomplete", "{trace}", "Traces dropped without analysis, by reason.")
	for _, r := range traceReasons {
		point(incomplete, from, to, c.counts.incompleteTraces[r]).Attributes().PutStr("reason", r)
	}
	dropped := counterMetric(ms, ns+".spans.dropped", "{span}", "Spans not analysed, by reason.")
	for _, r := range spanReasons {
		point(dropped, from, to, c.counts.droppedSpans[r]).Attributes().PutStr("reason", r)
	}
	return md
}

func (c *latencyConnector) histogramMetric(ms pmetric.MetricSlice, name, description string) pmetric.Metric {
	m := ms.AppendEmpty()
	m.SetName(name)
	m.SetUnit("s")
	m.SetDescription(description)
	if c.cfg.Histogram.Exponential != nil {
		m.SetEmptyExponentialHistogram().SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	} else {
		m.SetEmptyHistogram().SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	}
	return m
}

func counterMetric(ms pmetric.MetricSlice, name, unit, description string) pmetric.Metric {
	m := ms.AppendEmpty()
	m.SetName(name)
	m.SetUnit(unit)
	m.SetDescription(description)
	sum := m.SetEmptySum()
	sum.SetIsMonotonic(true)
	sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	return m
}

func point(m pmetric.Metric, start, now pcommon.Timestamp, value uint64) pmetric.NumberDataPoint {
	dp := m.Sum().DataPoints().AppendEmpty()
	dp.SetStartTimestamp(start)
	dp.SetTimestamp(now)
	dp.SetIntValue(int64(value))
	return dp
}
