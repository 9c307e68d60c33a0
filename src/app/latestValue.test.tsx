import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { latestValue, LatestValue, useLatestValue } from './latestValue';

function Shown({ store }: { store: LatestValue<string> }) {
  return <span data-testid="shown">{useLatestValue(store)}</span>;
}

describe('useLatestValue', () => {
  it("re-renders with each change of the store it is given, and never shows another store's value", () => {
    const first = latestValue('a');
    const { rerender } = render(<Shown store={first} />);
    expect(screen.getByTestId('shown').textContent).toBe('a');
    act(() => first.set('b'));
    expect(screen.getByTestId('shown').textContent).toBe('b');

    const second = latestValue('x');
    rerender(<Shown store={second} />);
    expect(screen.getByTestId('shown').textContent).toBe('x');
    act(() => first.set('c'));
    expect(screen.getByTestId('shown').textContent).toBe('x');
    act(() => second.set('y'));
    expect(screen.getByTestId('shown').textContent).toBe('y');
  });
});
