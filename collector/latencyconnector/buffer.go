package latencyconnector

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/engine"
)

// Spans grouped by trace id until `wait` has passed since the trace's last span.
//   - Open traces are kept in a list ordered by their last span's arrival, so the ones due and
//     the one to evict (idle longest) are at its front: O(1) per span and per trace.
//   - At most max_traces are open: a new trace evicts the one idle longest (dropped, counted).
//   - A trace that exceeds max_spans_per_trace frees its spans and stays open as a marker until
//     its wait ends, so its later spans are counted with it; it is dropped, not analysed.
//   - The ids of the last max_traces closed traces (analysed or dropped) are remembered, so a
//     span arriving after its trace closed is counted as late instead of starting a new trace.
// Memory: O(max_traces · max_spans_per_trace) spans of ~60 bytes each (bench_test.go measures it).

type openTrace struct {
	id         pcommon.TraceID
	spans      []engine.Span
	series     []uint32 // per span
	lastSpan   time.Time
	oversize   bool
	prev, next *openTrace
}

// Why a trace or span was not analysed (the "reason" attribute of the connector's counters).
const (
	reasonEvicted  = "evicted"
	reasonOversize = "oversize"
	reasonShutdown = "shutdown"
	reasonLate     = "late"
)

type buffer struct {
	wait      time.Duration
	maxTraces int
	maxSpans  int
	open      map[pcommon.TraceID]*openTrace
	// list of open traces, least recently extended first
	head, tail *openTrace
	closed     map[pcommon.TraceID]struct{}
	closedRing []pcommon.TraceID
	closedNext int
	counts     *counters
}

func newBuffer(cfg *Config, counts *counters) *buffer {
	return &buffer{
		wait:       cfg.Wait,
		maxTraces:  cfg.MaxTraces,
		maxSpans:   cfg.MaxSpansPerTrace,
		open:       map[pcommon.TraceID]*openTrace{},
		closed:     map[pcommon.TraceID]struct{}{},
		closedRing: make([]pcommon.TraceID, 0, cfg.MaxTraces),
		counts:     counts,
	}
}

// traceFor returns the open trace with id (opening it, evicting if full), or nil when the trace
// already closed (the caller's span is late).
func (b *buffer) traceFor(id pcommon.TraceID, now time.Time) *openTrace {
	if t, ok := b.open[id]; ok {
		b.unlink(t)
		b.pushBack(t, now)
		return t
	}
	if _, ok := b.closed[id]; ok {
		return nil
	}
	if len(b.open) >= b.maxTraces {
		b.drop(b.head, reasonEvicted)
	}
	t := &openTrace{id: id}
	b.open[id] = t
	b.pushBack(t, now)
	return t
}

// add appends a span to t, or counts it when t is over size.
func (b *buffer) add(t *openTrace, s engine.Span, series uint32) {
	if t.oversize {
		b.counts.droppedSpans[reasonOversize]++
		return
	}
	if len(t.spans) == b.maxSpans {
		b.counts.droppedSpans[reasonOversize] += uint64(len(t.spans)) + 1
		t.spans, t.series, t.oversize = nil, nil, true
		return
	}
	t.spans = append(t.spans, s)
	t.series = append(t.series, series)
}

// due removes and returns the next trace whose wait has ended at now (nil when none); an
// over-size trace is counted and dropped instead of returned.
func (b *buffer) due(now time.Time) *openTrace {
	for b.head != nil && !now.Before(b.head.lastSpan.Add(b.wait)) {
		t := b.head
		if t.oversize {
			b.drop(t, reasonOversize)
			continue
		}
		b.close(t)
		return t
	}
	return nil
}

// dropAll drops every open trace (at shutdown), counting them and their spans.
func (b *buffer) dropAll(reason string) {
	for b.head != nil {
		b.drop(b.head, reason)
	}
}

// drop closes t unanalysed, counting it and its spans under reason (an over-size trace always
// under reasonOversize: its spans were counted there already).
func (b *buffer) drop(t *openTrace, reason string) {
	if t.oversize {
		reason = reasonOversize
	}
	b.counts.incompleteTraces[reason]++
	b.counts.droppedSpans[reason] += uint64(len(t.spans))
	b.close(t)
}

// close removes t from the open traces and remembers its id (the oldest id is forgotten).
func (b *buffer) close(t *openTrace) {
	b.unlink(t)
	delete(b.open, t.id)
	if len(b.closedRing) < cap(b.closedRing) {
		b.closedRing = append(b.closedRing, t.id)
	} else {
		delete(b.closed, b.closedRing[b.closedNext])
		b.closedRing[b.closedNext] = t.id
		b.closedNext = (b.closedNext + 1) % len(b.closedRing)
	}
	b.closed[t.id] = struct{}{}
}

func (b *buffer) pushBack(t *openTrace, now time.Time) {
	t.lastSpan = now
	t.prev, t.next = b.tail, nil
	if b.tail != nil {
		b.tail.next = t
	} else {
		b.head = t
	}
	b.tail = t
}

func (b *buffer) unlink(t *openTrace) {
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		b.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		b.tail = t.prev
	}
	t.prev, t.next = nil, nil
}
