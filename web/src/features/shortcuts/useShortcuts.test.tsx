import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts } from './useShortcuts';

function Page({ onJ }: { onJ: () => void }) {
  useShortcuts({ j: onJ });
  return (
    <div>
      <label>
        Search <input />
      </label>
      <label>
        Message <textarea />
      </label>
      <button>Elsewhere</button>
    </div>
  );
}

describe('keyboard shortcuts', () => {
  it('act on the page, never while typing in a field, never with a modifier held', () => {
    const onJ = vi.fn();
    render(<Page onJ={onJ} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'j' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'j' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Elsewhere' }), { key: 'j', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Elsewhere' }), { key: 'J', shiftKey: true });
    expect(onJ).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Elsewhere' }), { key: 'j' });
    expect(onJ).toHaveBeenCalledTimes(1);
  });
});
