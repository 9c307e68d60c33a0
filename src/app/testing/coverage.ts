/**
 * Test helpers for pages with a coverage line (components/CoverageLine.tsx): a trace request that
 * never answers until it is cancelled, and the steps of cancelling a fetch from the line.
 */
import { fireEvent, screen } from '@testing-library/react';
import { DataError, RequestOptions } from '../../data';
import type { FetchedTrace } from '../../sources/types';

/** A trace request that hangs until its signal aborts, then rejects as cancelled. */
export const untilCancelled = (request?: RequestOptions) =>
  new Promise<FetchedTrace>((_resolve, reject) =>
    request?.signal?.addEventListener('abort', () => reject(new DataError('cancelled', 'Cancelled.')))
  );

/**
 * Waits for the line's progress to read `progress` (e.g. "Fetching traces: 1 of 2"), clicks Cancel,
 * and waits for the line to say `sentence`; the progress bar is gone then.
 */
export async function cancelFromLine(progress: string, sentence: string, wait = { timeout: 10_000 }) {
  expect(await screen.findByRole('progressbar', { name: 'Fetching traces' }, wait)).toHaveAttribute(
    'aria-valuetext',
    progress
  );
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(await screen.findByText(sentence, {}, wait)).toBeInTheDocument();
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
}
