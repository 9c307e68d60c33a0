import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import type { PathMode } from '../engine';
import { user } from '../../tests/support/user';
import { PATH_MODE_RULES, PathModeSwitch } from './PathModeSwitch';

function Harness({ onChange }: { onChange: (m: PathMode) => void }) {
  const [mode, setMode] = useState<PathMode>('async');
  return (
    <PathModeSwitch
      value={mode}
      onChange={(m) => {
        setMode(m);
        onChange(m);
      }}
    />
  );
}

describe('PathModeSwitch', () => {
  it('offers both modes, says the chosen rule, and switches by click and by keyboard', async () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    const sync = screen.getByRole('radio', { name: 'Synchronous blocking only' });
    const follow = screen.getByRole('radio', { name: 'Follow async work and links' });
    expect([sync, follow].map((r) => (r as HTMLInputElement).checked)).toEqual([false, true]);
    expect(screen.getByTestId('path-mode-rule')).toHaveTextContent(PATH_MODE_RULES.async);

    await user.click(sync);
    expect(onChange).toHaveBeenLastCalledWith('sync');
    expect(screen.getByTestId('path-mode-rule')).toHaveTextContent(PATH_MODE_RULES.sync);

    // the radio group moves with the arrow keys
    sync.focus();
    await user.keyboard('{ArrowRight}');
    expect(onChange).toHaveBeenLastCalledWith('async');
    expect((follow as HTMLInputElement).checked).toBe(true);
  });
});
