// Package latencyconnector is the tracelens_latency connector for the OpenTelemetry Collector:
// traces in, metrics out. It groups spans by trace, computes each span's self time and
// critical-path time with the TraceLens engine's definitions (src/engine/DEFINITIONS.md) and
// emits them as histograms per service, operation and kind (README.md in this folder).
package latencyconnector

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"
)

// Type is the connector's name in a Collector configuration.
var Type = component.MustNewType("tracelens_latency")

// NewFactory returns the connector's factory, for a collector builder manifest.
func NewFactory() connector.Factory {
	return connector.NewFactory(
		Type,
		func() component.Config { return createDefaultConfig() },
		connector.WithTracesToMetrics(createTracesToMetrics, component.StabilityLevelAlpha),
	)
}

func createTracesToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Traces, error) {
	return newConnector(cfg.(*Config), set.Logger, next), nil
}
