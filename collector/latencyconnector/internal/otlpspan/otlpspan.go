// Package otlpspan reads what the analysis needs of a Collector span (pdata) into an
// internal/engine.Span: ids as big-endian integers, times, kind, whether it has a parent, and
// whether a link points at that parent within the same trace (FOLLOWS_FROM). Shared by the
// connector and the differential-test command (tracelens-analyze). O(links) per span.
package otlpspan

import (
	"encoding/binary"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/engine"
)

// Read returns the analysis' view of span, a span of trace traceID. A link with no trace id
// counts as one within the same trace (src/engine/DEFINITIONS.md §2).
func Read(span ptrace.Span, traceID pcommon.TraceID) engine.Span {
	id, parent := span.SpanID(), span.ParentSpanID()
	s := engine.Span{
		ID:        binary.BigEndian.Uint64(id[:]),
		Parent:    binary.BigEndian.Uint64(parent[:]),
		Start:     uint64(span.StartTimestamp()),
		End:       uint64(span.EndTimestamp()),
		Kind:      uint8(span.Kind()),
		HasParent: !parent.IsEmpty(),
	}
	for _, l := range span.Links().All() {
		if s.HasParent && l.SpanID() == parent && (l.TraceID().IsEmpty() || l.TraceID() == traceID) {
			s.LinksParent = true
		}
	}
	return s
}
