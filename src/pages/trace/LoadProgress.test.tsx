import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { latestValue } from '../../app/latestValue';
import { inZhHans } from '../../../tests/support/i18n';
import { user } from '../../../tests/support/user';
import type { LoadProgress as LoadProgressReport } from '../../loading';
import { LoadProgress } from './LoadProgress';

const noop = () => undefined;

describe('LoadProgress', () => {
  it('says how far the download came as each report arrives, and cancels from the keyboard', async () => {
    const onCancel = jest.fn();
    const progress = latestValue<LoadProgressReport | undefined>(undefined);
    render(<LoadProgress progress={progress} cancelled={false} onCancel={onCancel} onRetry={noop} />);
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => progress.set({ bytes: 12_500_000, spans: 0 }));
    expect(screen.getByRole('status').textContent).toBe('12.5 MB received');
    act(() => progress.set({ bytes: 12_500_000, totalBytes: 40_000_000, spans: 30_000 }));
    expect(screen.getByRole('status').textContent).toBe('12.5 MB of 40 MB received, 30,000 spans read');
    act(() => progress.set({ bytes: 40_000_000, totalBytes: 40_000_000, spans: 96_000, analysing: true }));
    expect(screen.getByRole('status').textContent).toBe(
      '40 MB of 40 MB received, 96,000 spans read; analysing the trace…'
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('offers to load again after a cancel', async () => {
    const onRetry = jest.fn();
    render(<LoadProgress progress={latestValue(undefined)} cancelled onCancel={noop} onRetry={onRetry} />);
    expect(screen.getByText('Loading was cancelled.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  describe('in Simplified Chinese', () => {
    inZhHans();
    it('speaks the user’s language', () => {
      render(
        <LoadProgress
          progress={latestValue<LoadProgressReport | undefined>({ bytes: 2_000_000, totalBytes: 4_000_000, spans: 1 })}
          cancelled={false}
          onCancel={noop}
          onRetry={noop}
        />
      );
      expect(screen.getByRole('status').textContent).toBe('已接收 2 MB / 4 MB，已读取 1 个跨度');
      expect(screen.getByRole('button', { name: '取消' })).toBeInTheDocument();
    });

    it('says the trace is being analysed once all is in', () => {
      const progress = { bytes: 4_000_000, totalBytes: 4_000_000, spans: 3, analysing: true };
      render(
        <LoadProgress
          progress={latestValue<LoadProgressReport | undefined>(progress)}
          cancelled={false}
          onCancel={noop}
          onRetry={noop}
        />
      );
      expect(screen.getByRole('status').textContent).toBe('已接收 4 MB / 4 MB，已读取 3 个跨度；正在分析追踪…');
    });
  });
});
