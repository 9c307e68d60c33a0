package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// otlpLine: one OTLP/JSON document holding spans of (trace, id, parent, kind, start µs, end µs).
func otlpLine(spans ...[6]any) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parent := ""
		if s[2] != "" {
			parent = fmt.Sprintf(`"parentSpanId":"%s",`, s[2])
		}
		parts[i] = fmt.Sprintf(`{"traceId":"%s","spanId":"%s",%s"name":"x","kind":%d,"startTimeUnixNano":"%d000","endTimeUnixNano":"%d000"}`,
			s[0], s[1], parent, s[3], s[4], s[5])
	}
	return `{"resourceSpans":[{"scopeSpans":[{"spans":[` + strings.Join(parts, ",") + `]}]}]}` + "\n"
}

const (
	traceA = "0000000000000000000000000000000a"
	traceB = "0000000000000000000000000000000b"
	idR    = "0000000000000001"
	idZero = "0000000000000000" // a zero span id is an id like any other
	idP    = "0000000000000002"
	idC    = "0000000000000003"
)

// The worked example of src/engine/DEFINITIONS.md (µs): R [0,50] calls producer P [10,30], whose
// consumer C [20,80] ends the trace. Self: R 30, P 10, C 60; critical path: R 30, P 20, C 30.
// C arrives on a later line, after trace B's span (whose id is zero): it still joins trace A.
func TestAnalysesEachTraceOfTheLinesInFirstSeenOrder(t *testing.T) {
	in := otlpLine([6]any{traceA, idR, "", 2, 1000, 1050}, [6]any{traceA, idP, idR, 4, 1010, 1030}) +
		otlpLine([6]any{traceB, idZero, "", 1, 5, 7}) +
		"\n" +
		otlpLine([6]any{traceA, idC, idP, 5, 1020, 1080})
	var out bytes.Buffer
	if err := run(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := `{"traceId":"` + traceA + `","spanIds":["` + idR + `","` + idP + `","` + idC + `"],"self":[30000,10000,60000],"criticalPath":[30000,20000,30000]}
{"traceId":"` + traceB + `","spanIds":["` + idZero + `"],"self":[2000],"criticalPath":[2000]}
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestNamesTheLineThatIsNotOTLP(t *testing.T) {
	in := otlpLine([6]any{traceA, idR, "", 2, 0, 1}) + "[1, 2]\n"
	err := run(strings.NewReader(in), &bytes.Buffer{})
	if err == nil || !strings.HasPrefix(err.Error(), "line 2 is not an OTLP/JSON traces document: ") {
		t.Errorf("error %v, want one naming line 2", err)
	}
}
