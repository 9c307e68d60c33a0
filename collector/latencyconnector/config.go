package latencyconnector

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"
)

// Config of the tracelens_latency connector (README.md in this folder shows an example).
type Config struct {
	// Namespace prefixes every metric name: "<namespace>.span.self_time" and so on.
	Namespace string `mapstructure:"namespace"`
	// Dimensions are the attributes of every series: span.name, span.kind and status.code are
	// the span's own fields; any other name is a span attribute, else a resource attribute.
	Dimensions []string `mapstructure:"dimensions"`
	// Wait is how long a trace stays open after its last span arrived.
	Wait time.Duration `mapstructure:"wait"`
	// MaxTraces bounds the traces waiting at once; beyond it the one idle longest is evicted.
	MaxTraces int `mapstructure:"max_traces"`
	// MaxSpansPerTrace: a trace with more spans is dropped (counted), not analysed.
	MaxSpansPerTrace int `mapstructure:"max_spans_per_trace"`
	// MaxSeries bounds the dimension combinations; the others go to one overflow series.
	MaxSeries int `mapstructure:"max_series"`
	// MetricsFlushInterval is how often the (cumulative) metrics are emitted.
	MetricsFlushInterval time.Duration   `mapstructure:"metrics_flush_interval"`
	Histogram            HistogramConfig `mapstructure:"histogram"`
	Exemplars            ExemplarsConfig `mapstructure:"exemplars"`
}

// HistogramConfig: explicit buckets (the default) or a base-2 exponential histogram.
type HistogramConfig struct {
	Explicit    *ExplicitHistogramConfig    `mapstructure:"explicit"`
	Exponential *ExponentialHistogramConfig `mapstructure:"exponential"`
}

// ExplicitHistogramConfig lists bucket upper bounds as durations.
type ExplicitHistogramConfig struct {
	Buckets []time.Duration `mapstructure:"buckets"`
}

// ExponentialHistogramConfig bounds the buckets of each positive range.
type ExponentialHistogramConfig struct {
	MaxSize int32 `mapstructure:"max_size"`
}

// ExemplarsConfig: exemplars carry the trace and span id of observed spans.
type ExemplarsConfig struct {
	Enabled         bool `mapstructure:"enabled"`
	MaxPerDataPoint int  `mapstructure:"max_per_data_point"`
}

// Span fields usable as dimensions (any other name is an attribute).
const (
	dimSpanName   = "span.name"
	dimSpanKind   = "span.kind"
	dimStatusCode = "status.code"
)

var defaultBuckets = []time.Duration{
	100 * time.Microsecond, 250 * time.Microsecond, 500 * time.Microsecond,
	time.Millisecond, 2500 * time.Microsecond, 5 * time.Millisecond,
	10 * time.Millisecond, 25 * time.Millisecond, 50 * time.Millisecond,
	100 * time.Millisecond, 250 * time.Millisecond, 500 * time.Millisecond,
	time.Second, 2500 * time.Millisecond, 5 * time.Second, 10 * time.Second,
}

func createDefaultConfig() *Config {
	return &Config{
		Namespace:            "tracelens",
		Dimensions:           []string{"service.name", dimSpanName, dimSpanKind},
		Wait:                 10 * time.Second,
		MaxTraces:            50_000,
		MaxSpansPerTrace:     10_000,
		MaxSeries:            10_000,
		MetricsFlushInterval: 15 * time.Second,
		Exemplars:            ExemplarsConfig{Enabled: true, MaxPerDataPoint: 5},
	}
}

// OpenTelemetry metric name syntax (a letter, then letters, digits, '_', '.', '-' or '/').
var namespacePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-/]*$`)

// Limits that keep one connector's memory bounded.
const (
	maxDimensions      = 32
	maxExponentialSize = 16384
)

// Validate says what is wrong with the configuration, one line per problem.
func (c *Config) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !namespacePattern.MatchString(c.Namespace) {
		add("namespace %q must start with a letter and hold only letters, digits, '_', '.', '-' or '/'", c.Namespace)
	}
	if len(c.Dimensions) > maxDimensions {
		add("dimensions: %d listed, at most %d", len(c.Dimensions), maxDimensions)
	}
	for i, d := range c.Dimensions {
		if d == "" {
			add("dimensions[%d] is empty", i)
		} else if slices.Index(c.Dimensions, d) < i {
			add("dimensions: %q is listed twice", d)
		}
	}
	if c.Wait <= 0 {
		add("wait must be positive, got %s", c.Wait)
	}
	if c.MetricsFlushInterval <= 0 {
		add("metrics_flush_interval must be positive, got %s", c.MetricsFlushInterval)
	}
	for _, limit := range []struct {
		name  string
		value int
	}{{"max_traces", c.MaxTraces}, {"max_spans_per_trace", c.MaxSpansPerTrace}, {"max_series", c.MaxSeries}} {
		if limit.value < 1 {
			add("%s must be at least 1, got %d", limit.name, limit.value)
		}
	}
	if c.Exemplars.Enabled && c.Exemplars.MaxPerDataPoint < 1 {
		add("exemplars.max_per_data_point must be at least 1 when exemplars are enabled, got %d", c.Exemplars.MaxPerDataPoint)
	}
	errs = append(errs, c.Histogram.validate()...)
	return errors.Join(errs...)
}

func (h HistogramConfig) validate() []error {
	var errs []error
	if h.Explicit != nil && h.Exponential != nil {
		errs = append(errs, errors.New("histogram: set explicit or exponential, not both"))
	}
	if h.Explicit != nil {
		for i, b := range h.Explicit.Buckets {
			if b <= 0 {
				errs = append(errs, fmt.Errorf("histogram.explicit.buckets[%d] must be positive, got %s", i, b))
			} else if i > 0 && b <= h.Explicit.Buckets[i-1] {
				errs = append(errs, fmt.Errorf("histogram.explicit.buckets must increase: %s follows %s", b, h.Explicit.Buckets[i-1]))
			}
		}
	}
	if e := h.Exponential; e != nil && (e.MaxSize < 2 || e.MaxSize > maxExponentialSize) {
		errs = append(errs, fmt.Errorf("histogram.exponential.max_size must be between 2 and %d, got %d", maxExponentialSize, e.MaxSize))
	}
	return errs
}

// buckets: the explicit bucket bounds in effect (the defaults unless configured).
func (h HistogramConfig) buckets() []time.Duration {
	if h.Explicit != nil && len(h.Explicit.Buckets) > 0 {
		return h.Explicit.Buckets
	}
	return defaultBuckets
}
