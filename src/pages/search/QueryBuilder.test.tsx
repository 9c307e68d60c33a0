/**
 * The Jaeger form's edits reach the model as changes of the latest state: edits made before the
 * next render (a combobox committing as focus moves on, then the tags typed) all keep their part.
 */
import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { BuilderState } from '../../app/searchQuery';
import { recordedSource } from '../../loading/testing/recordedSource';
import { QueryBuilder } from './QueryBuilder';

describe('QueryBuilder', () => {
  it('keeps every edit made before the next render (Jaeger: status, then tags)', () => {
    const start: BuilderState = { service: 'frontend', attrs: [] };
    const updates: Array<(state: BuilderState) => BuilderState> = [];
    // the parent never re-renders: every handler sees the first state
    render(
      <QueryBuilder
        state={start}
        onChange={(update) => updates.push(update)}
        source={recordedSource({ kind: 'jaeger' })}
        seconds={{ start: 0, end: 3600 }}
        limit="20"
        onLimitChange={() => undefined}
        onError={() => undefined}
      />
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Error' }));
    fireEvent.change(screen.getByLabelText(/^Tags/), { target: { value: 'x_request_id=req-7' } });
    const latest = updates.reduce((state, update) => update(state), start);
    expect(latest).toMatchObject({
      service: 'frontend',
      status: 'error',
      attrs: [{ scope: 'span', key: 'x_request_id', value: 'req-7' }],
    });
  });
});
