import React from 'react';
import { render, screen } from '@testing-library/react';
import { createFetchTransport, createPrometheusClient, DataError, dataError, detectScheme } from '../data';
import { fetchReplaying } from '../../tests/support/recorded';
import { inZhHans } from '../../tests/support/i18n';
import { DataErrorAlert } from './DataErrorAlert';

const tooLarge = dataError(
  'trace-too-large',
  { traceId: '4bf92f3577b34da6', target: 'Tempo (datasource "tempo")', status: 413 },
  { status: 413 }
);

describe('DataErrorAlert', () => {
  it('shows the title and the error’s sentence', () => {
    render(<DataErrorAlert title="Trace failed" error={tooLarge} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Trace failedTrace 4bf92f3577b34da6 is larger than Tempo (datasource "tempo") serves: HTTP 413. Tempo refuses'
    );
  });

  it('shows nothing for a cancelled request', () => {
    const { container } = render(
      <DataErrorAlert title="Trace failed" error={new DataError('cancelled', 'Cancelled.')} />
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('DataErrorAlert in Simplified Chinese', () => {
  inZhHans();

  it('says a trace too large in Chinese with its id, target and status', () => {
    render(<DataErrorAlert title="追踪加载失败" error={tooLarge} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '追踪 4bf92f3577b34da6 超出了 Tempo (datasource "tempo") 可提供的大小：HTTP 413。Tempo 拒绝超过 max_bytes_per_trace 限制（默认 5 MB）的追踪'
    );
  });

  it('says an unreachable datasource in Chinese with its cause', () => {
    const unreachable = dataError('unreachable', { target: 'Jaeger (datasource "jaeger")', cause: 'HTTP 0' });
    render(<DataErrorAlert title="搜索失败" error={unreachable} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Jaeger (datasource "jaeger") 无法访问：HTTP 0。请检查它是否在运行，以及其 URL 是否正确。'
    );
  });

  it('says in Chinese that Prometheus holds no span metrics (scheme detection)', async () => {
    const names = {
      request: 'GET /api/v1/label/__name__/values',
      status: 200,
      contentType: 'application/json',
      body: { status: 'success', data: ['up', 'prometheus_build_info'] },
    };
    const prom = createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(names).impl));
    const detection = await detectScheme(prom, { start: 0, end: 1 });
    expect(detection.kind).toBe('none');
    render(<DataErrorAlert title="无法加载跨度指标" error={(detection as { problem: DataError }).problem} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '未找到跨度指标：此时间范围内应有 Tempo metrics-generator（traces_spanmetrics_*）或 OpenTelemetry Collector spanmetrics'
    );
  });
});
