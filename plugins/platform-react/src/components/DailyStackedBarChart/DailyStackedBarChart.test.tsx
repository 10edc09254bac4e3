import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  DailyStackedBarChart,
  describeDailyStack,
} from './DailyStackedBarChart';

const series = [
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
];
const data = [
  { day: '2026-11-20', values: { cpu: 1.5, memory: 0.25 } },
  { day: '2026-11-21', values: { cpu: 2, memory: 0.5 } },
  { day: '2026-11-22', values: { cpu: 1, memory: 0 } },
];

describe('DailyStackedBarChart', () => {
  it('names the chart with each series’ sum and the latest day', async () => {
    await renderInTestApp(
      <DailyStackedBarChart title="Daily cost" data={data} series={series} />,
    );
    expect(
      screen.getByRole('figure', {
        name: 'Daily cost: 3 days from Nov 20, 2026 to Nov 22, 2026; CPU 4.50, Memory 0.75; latest day 1',
      }),
    ).toBeInTheDocument();
  });

  it('counts a value a day leaves out as 0 and uses the formatter', () => {
    expect(
      describeDailyStack(
        'Cost',
        [
          { day: '2026-11-21T00:00:00.000Z', values: { cpu: 2 } },
          { day: '2026-11-22T00:00:00.000Z', values: { cpu: 1, memory: 3 } },
        ],
        series,
        v => `$${v.toFixed(2)}`,
      ),
    ).toBe(
      'Cost: 2 days from Nov 21, 2026 to Nov 22, 2026; CPU $3.00, Memory $3.00; latest day $4.00',
    );
  });

  it('says when there are no days', async () => {
    await renderInTestApp(
      <DailyStackedBarChart
        title="Daily cost"
        data={[]}
        series={series}
        emptyText="No cost in this window."
      />,
    );
    expect(screen.getByText('No cost in this window.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).toBeNull();
  });
});
