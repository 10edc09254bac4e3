import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { useTimeWindow } from './useTimeWindow';

const DAY_MS = 86_400_000;

/** Shows the hook's state and the URL, with buttons for its setters. */
function Harness() {
  const state = useTimeWindow({ options: [30, 90, 180], defaultDays: 90 });
  const location = useLocation();
  return (
    <>
      <p>days: {state.days}</p>
      <p>until: {state.until ?? 'now'}</p>
      <p>from: {state.window.from}</p>
      <p>to: {state.window.to}</p>
      <p>url: {location.search || '(none)'}</p>
      <button onClick={() => state.setDays(30)}>30 days</button>
      <button onClick={() => state.setDays(90)}>90 days</button>
      <button onClick={() => state.jumpTo('2026-05-31T18:45:00.000Z')}>
        jump
      </button>
      <button onClick={state.backToNow}>now</button>
    </>
  );
}

function shown(label: string): string {
  return screen
    .getByText(new RegExp(`^${label}: `))
    .textContent!.slice(label.length + 2);
}

async function renderAt(url: string) {
  await renderInTestApp(<Harness />, { routeEntries: [url] });
}

describe('useTimeWindow', () => {
  it('defaults to the last 90 days, ending now, with nothing in the URL', async () => {
    const before = Date.now();
    await renderAt('/dora');
    expect(shown('days')).toBe('90');
    expect(shown('until')).toBe('now');
    expect(shown('url')).toBe('(none)');
    const to = Date.parse(shown('to'));
    expect(to).toBeGreaterThanOrEqual(before);
    expect(to - before).toBeLessThanOrEqual(60_000);
    expect(to - Date.parse(shown('from'))).toBe(90 * DAY_MS);
  });

  it('reads the window from the URL and ignores lengths it does not offer', async () => {
    await renderAt('/dora?days=30&until=2026-05-31');
    expect(shown('days')).toBe('30');
    expect(shown('to')).toBe('2026-06-01T00:00:00.000Z');
    expect(shown('from')).toBe('2026-05-02T00:00:00.000Z');

    await renderAt('/dora?days=7&until=yesterday');
    expect(screen.getAllByText(/^days: /).at(-1)).toHaveTextContent('days: 90');
    expect(screen.getAllByText(/^until: /).at(-1)).toHaveTextContent(
      'until: now',
    );
  });

  it('writes changes to the URL and leaves the default out', async () => {
    await renderAt('/dora?environment=staging');
    await userEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(shown('url')).toBe('?environment=staging&days=30');
    expect(shown('days')).toBe('30');

    await userEvent.click(screen.getByRole('button', { name: 'jump' }));
    expect(shown('url')).toBe('?environment=staging&days=30&until=2026-05-31');
    expect(shown('to')).toBe('2026-06-01T00:00:00.000Z');

    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    await userEvent.click(screen.getByRole('button', { name: 'now' }));
    expect(shown('url')).toBe('?environment=staging');
    expect(shown('until')).toBe('now');
  });
});
