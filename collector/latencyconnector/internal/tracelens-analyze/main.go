// Command tracelens-analyze prints the connector's per-span analysis of OTLP/JSON traces, for the
// differential test against the TypeScript engine (tests/integration/connector-engine.test.ts).
//
// Input (stdin): JSON Lines, each line an OTLP/JSON traces document ({"resourceSpans":[…]}).
// Spans are grouped by trace id — traces in first-seen order, a trace's spans in input order,
// across lines — and each trace is analysed as the connector analyses it (otlpspan.Read, then
// engine.Workspace.Analyze; Definitions: src/engine/DEFINITIONS.md).
// Output (stdout): one JSON line per trace,
//
//	{"traceId":"<hex>","spanIds":["<hex>",…],"self":[ns,…],"criticalPath":[ns,…]}
//
// with the spans in input order and ids as lowercase hex (a zero span id as 16 zeros). O(spans · log spans) time; every span is held in memory.
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/engine"
	"github.com/tracelens/tracelens-analysis-app/collector/latencyconnector/internal/otlpspan"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	err := run(os.Stdin, out)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracelens-analyze:", err)
		os.Exit(1)
	}
}

// trace: one trace's spans and their ids, in input order.
type trace struct {
	id      pcommon.TraceID
	spans   []engine.Span
	spanIDs []string
}

// analysis is one output line.
type analysis struct {
	TraceID      string   `json:"traceId"`
	SpanIDs      []string `json:"spanIds"`
	Self         []int64  `json:"self"`
	CriticalPath []int64  `json:"criticalPath"`
}

// run reads every document from in, then writes each trace's analysis to out.
func run(in io.Reader, out io.Writer) error {
	traces, err := read(bufio.NewReader(in))
	if err != nil {
		return err
	}
	ws := engine.NewWorkspace()
	enc := json.NewEncoder(out)
	for _, t := range traces {
		self, cp := ws.Analyze(t.spans)
		line := analysis{TraceID: hex.EncodeToString(t.id[:]), SpanIDs: t.spanIDs, Self: self, CriticalPath: cp}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

// read groups the spans of every line's document by trace id.
func read(in *bufio.Reader) ([]*trace, error) {
	var traces []*trace
	byID := map[pcommon.TraceID]*trace{}
	var unmarshaler ptrace.JSONUnmarshaler
	for lineNo := 1; ; lineNo++ {
		line, err := in.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if text := bytes.TrimSpace(line); len(text) > 0 {
			td, uerr := unmarshaler.UnmarshalTraces(text)
			if uerr != nil {
				return nil, fmt.Errorf("line %d is not an OTLP/JSON traces document: %w", lineNo, uerr)
			}
			for _, rs := range td.ResourceSpans().All() {
				for _, ss := range rs.ScopeSpans().All() {
					for _, span := range ss.Spans().All() {
						t := byID[span.TraceID()]
						if t == nil {
							t = &trace{id: span.TraceID()}
							byID[t.id] = t
							traces = append(traces, t)
						}
						t.spans = append(t.spans, otlpspan.Read(span, t.id))
						id := span.SpanID()
						t.spanIDs = append(t.spanIDs, hex.EncodeToString(id[:])) // String() is "" for a zero id
					}
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return traces, nil
		}
	}
}
