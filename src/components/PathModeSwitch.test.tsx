import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import type { PathMode } from '../engine';
import { user } from '../../tests/support/user';
import { inZhHans } from '../../tests/support/i18n';
import { PathModeSwitch } from './PathModeSwitch';

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
    expect(screen.getByTestId('path-mode-rule')).toHaveTextContent(
      /^Also follows async work \(consumers, children linked to their parent, .* Links to other spans or other traces are not followed\.$/
    );

    await user.click(sync);
    expect(onChange).toHaveBeenLastCalledWith('sync');
    expect(screen.getByTestId('path-mode-rule')).toHaveTextContent(
      /^Only work the request waited for: .* time when no span of that chain runs is an unattributed gap\.$/
    );

    // the radio group moves with the arrow keys
    sync.focus();
    await user.keyboard('{ArrowRight}');
    expect(onChange).toHaveBeenLastCalledWith('async');
    expect((follow as HTMLInputElement).checked).toBe(true);
  });
});

describe('PathModeSwitch in Simplified Chinese', () => {
  inZhHans();

  it('names the modes with the glossary terms and states the rule in Chinese', () => {
    render(<PathModeSwitch value="sync" onChange={jest.fn()} />);
    expect(screen.getByRole('radiogroup', { name: '关键路径' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '仅同步阻塞' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '跟随异步工作和链接' })).not.toBeChecked();
    expect(screen.getByTestId('path-mode-rule')).toHaveTextContent(/^只包含请求等待的工作：.*未归属间隙。$/);
  });
});
