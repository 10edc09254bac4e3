import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SparkBars } from './SparkBars';

describe('SparkBars', () => {
  it('draws one bar per item, coloured by status, named as a whole', async () => {
    await renderInTestApp(
      <SparkBars
        label="Last 3 runs: 2 pass, 1 fail"
        bars={[
          { value: 100, status: 'ok', label: 'pass 100 ms' },
          { value: 300, status: 'error', label: 'fail 300 ms' },
          { value: 150, status: 'ok', label: 'pass 150 ms' },
        ]}
      />,
    );
    const svg = screen.getByRole('img', {
      name: 'Last 3 runs: 2 pass, 1 fail',
    });
    const rects = Array.from(svg.querySelectorAll('rect'));
    expect(rects.map(r => r.getAttribute('data-status'))).toEqual([
      'ok',
      'error',
      'ok',
    ]);
    expect(rects.map(r => r.textContent)).toEqual([
      'pass 100 ms',
      'fail 300 ms',
      'pass 150 ms',
    ]);
    // The largest value fills the height; the others scale to it.
    const heights = rects.map(r => Number(r.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(20 / 3);
    expect(heights.slice(1)).toEqual([20, 10]);
    const fills = new Set(rects.map(r => r.getAttribute('fill')));
    expect(fills.size).toBe(2);
  });

  it('right-aligns fewer bars than slots, the newest last', async () => {
    await renderInTestApp(
      <SparkBars
        label="Last 2 runs"
        slots={10}
        width={100}
        bars={[
          { value: 0, status: 'unknown', label: 'error' },
          { value: 50, status: 'ok', label: 'pass' },
        ]}
      />,
    );
    const rects = Array.from(
      screen.getByRole('img', { name: 'Last 2 runs' }).querySelectorAll('rect'),
    );
    expect(rects.map(r => Number(r.getAttribute('x')))).toEqual([80, 90]);
    // A zero still shows.
    expect(Number(rects[0].getAttribute('height'))).toBeGreaterThan(0);
  });
});
