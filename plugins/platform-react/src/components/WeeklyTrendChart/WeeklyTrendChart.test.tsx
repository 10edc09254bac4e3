import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { describeWeeklyTrend, WeeklyTrendChart } from './WeeklyTrendChart';

const data = [
  { weekStart: '2026-11-02T00:00:00.000Z', value: 2 },
  { weekStart: '2026-11-09T00:00:00.000Z', value: null },
  { weekStart: '2026-11-16T00:00:00.000Z', value: 3.25 },
];

describe('WeeklyTrendChart', () => {
  it('describes the series in its accessible name', async () => {
    await renderInTestApp(
      <WeeklyTrendChart
        title="Successful deployments per week"
        variant="bar"
        data={data}
      />,
    );
    expect(
      screen.getByRole('figure', {
        name: 'Successful deployments per week: 3 weeks from Nov 2, 2026 to Nov 16, 2026, latest week 3.3',
      }),
    ).toBeInTheDocument();
  });

  it('says when there are no weeks', async () => {
    await renderInTestApp(<WeeklyTrendChart title="Lead time" data={[]} />);
    expect(screen.getByText('No weeks in this window.')).toBeInTheDocument();
  });

  it('uses the value formatter in the description', () => {
    expect(describeWeeklyTrend('CFR', data, v => `${v * 100}%`)).toBe(
      'CFR: 3 weeks from Nov 2, 2026 to Nov 16, 2026, latest week 325%',
    );
  });
});

describe('WeeklyTrendChart without values', () => {
  it('says so instead of drawing an empty chart', async () => {
    await renderInTestApp(
      <WeeklyTrendChart
        title="Recovery"
        data={[
          { weekStart: '2026-11-02T00:00:00.000Z', value: null },
          { weekStart: '2026-11-09T00:00:00.000Z', value: null },
        ]}
        emptyText="No incidents were resolved in this window."
      />,
    );
    expect(
      screen.getByText('No incidents were resolved in this window.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
