import React from 'react';
import { css } from '@emotion/css';
import type { Coverage } from '../../app/coverage';
import { CoverageLine } from '../../components/CoverageLine';

const centered = css({ height: '100%', display: 'flex', justifyContent: 'center', alignItems: 'center' });

interface Props {
  coverage: Coverage;
  done: number;
  total: number;
  onCancel: () => void;
}

/** In the middle of the panel while it fetches: the coverage so far, "Fetching traces: 7 of 20" and Cancel. */
export function SearchProgress({ coverage, done, total, onCancel }: Props) {
  return (
    <div className={centered} role="status">
      <CoverageLine coverage={coverage} fetching={{ done, total, onCancel }} />
    </div>
  );
}
