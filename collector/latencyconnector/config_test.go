package latencyconnector

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
)

func TestTheDefaultConfigIsValid(t *testing.T) {
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if NewFactory().Type().String() != "tracelens_latency" || cfg.Namespace != "tracelens" || cfg.Wait != 10*time.Second {
		t.Fatalf("type %s, namespace %q, wait %s", NewFactory().Type(), cfg.Namespace, cfg.Wait)
	}
}

func TestAConfigurationIsReadFromYAMLFields(t *testing.T) {
	cfg := createDefaultConfig()
	err := confmap.NewFromStringMap(map[string]any{
		"namespace":           "acme",
		"dimensions":          []any{"service.name", "http.route"},
		"wait":                "30s",
		"max_traces":          1000,
		"max_spans_per_trace": 500,
		"histogram":           map[string]any{"explicit": map[string]any{"buckets": []any{"1ms", "1s"}}},
		"exemplars":           map[string]any{"enabled": false},
	}).Unmarshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	b := cfg.Histogram.buckets()
	if cfg.Wait != 30*time.Second || cfg.MaxTraces != 1000 || len(b) != 2 || b[1] != time.Second || cfg.Exemplars.Enabled {
		t.Fatalf("read %+v", cfg)
	}
}

func TestInvalidConfigurationsSayWhatIsWrong(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Namespace = "" }, `namespace "" must start with a letter`},
		{func(c *Config) { c.Namespace = "9lives" }, `namespace "9lives" must start with a letter`},
		{func(c *Config) { c.Dimensions = append(c.Dimensions, "span.name") }, `dimensions: "span.name" is listed twice`},
		{func(c *Config) { c.Dimensions = []string{""} }, "dimensions[0] is empty"},
		{func(c *Config) { c.Wait = 0 }, "wait must be positive, got 0s"},
		{func(c *Config) { c.MetricsFlushInterval = -time.Second }, "metrics_flush_interval must be positive, got -1s"},
		{func(c *Config) { c.MaxTraces = 0 }, "max_traces must be at least 1, got 0"},
		{func(c *Config) { c.MaxSpansPerTrace = -1 }, "max_spans_per_trace must be at least 1, got -1"},
		{func(c *Config) { c.MaxSeries = 0 }, "max_series must be at least 1, got 0"},
		{func(c *Config) { c.Exemplars.MaxPerDataPoint = 0 }, "exemplars.max_per_data_point must be at least 1"},
		{func(c *Config) {
			c.Histogram = HistogramConfig{Explicit: &ExplicitHistogramConfig{}, Exponential: &ExponentialHistogramConfig{MaxSize: 160}}
		}, "histogram: set explicit or exponential, not both"},
		{func(c *Config) {
			c.Histogram.Explicit = &ExplicitHistogramConfig{Buckets: []time.Duration{10 * time.Millisecond, 5 * time.Millisecond}}
		}, "histogram.explicit.buckets must increase: 5ms follows 10ms"},
		{func(c *Config) { c.Histogram.Explicit = &ExplicitHistogramConfig{Buckets: []time.Duration{0}} }, "histogram.explicit.buckets[0] must be positive, got 0s"},
		{func(c *Config) { c.Histogram.Exponential = &ExponentialHistogramConfig{MaxSize: 1} }, "histogram.exponential.max_size must be between 2 and 16384, got 1"},
	} {
		cfg := createDefaultConfig()
		c.edit(cfg)
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("want an error with %q, got %v", c.want, err)
		}
	}
}

func TestTheConnectorStartsAndStopsOnRealTickers(t *testing.T) {
	sink := new(consumertest.MetricsSink)
	c, err := NewFactory().CreateTracesToMetrics(context.Background(), connectortest.NewNopSettings(Type), createDefaultConfig(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		t.Fatal(err)
	}
	if err := c.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	// shutdown emits once more, so the counters of what was lost reach the exporter
	if sink.DataPointCount() == 0 {
		t.Fatal("no metrics emitted at shutdown")
	}
}
