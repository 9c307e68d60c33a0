// Package engine computes per-span self time and critical-path time of one trace with exactly
// the definitions of the TypeScript engine (Definitions: src/engine/DEFINITIONS.md). Times are
// int64 nanoseconds relative to the trace's time zero, so results are exact to the nanosecond.
package engine

// Span is what the analysis reads of one span. IDs are the 8 id bytes read big-endian, so
// comparing them as unsigned integers orders spans like the TypeScript engine's (hi, lo) pairs.
type Span struct {
	ID     uint64
	Parent uint64
	// Start and End are Unix nanoseconds; 0 means unknown (OTLP's "unset").
	Start uint64
	End   uint64
	// Kind is the OTLP span kind number (0 unspecified … 5 consumer).
	Kind uint8
	// HasParent: the span names a non-zero parent span id.
	HasParent bool
	// LinksParent: one of the span's links points at its parent span id within the same trace
	// (Jaeger's FOLLOWS_FROM reference).
	LinksParent bool
}

// OTLP span kinds the definitions single out.
const (
	KindServer   uint8 = 2
	KindClient   uint8 = 3
	KindConsumer uint8 = 5
)
