import React from 'react';
import { css } from '@emotion/css';
import { Progress } from '../../components/Progress';

const centered = css({ height: '100%', display: 'flex', justifyContent: 'center', alignItems: 'center' });

/** "Fetching traces: 7 of 20" with a progress bar, in the middle of the panel. */
export function SearchProgress({ done, total }: { done: number; total: number }) {
  return (
    <div className={centered} role="status">
      <Progress label="Fetching traces" done={done} total={total} />
    </div>
  );
}
