import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MetricTile } from './MetricTile';
import { describeChange } from './change';

describe('describeChange', () => {
  it('knows whether a rise is good for this metric', () => {
    expect(
      describeChange({ current: 3, previous: 2, higherIsBetter: true }),
    ).toEqual({ direction: 'up', sentiment: 'better', difference: 1 });
    expect(
      describeChange({ current: 3, previous: 2, higherIsBetter: false }),
    ).toEqual({ direction: 'up', sentiment: 'worse', difference: 1 });
    expect(
      describeChange({ current: 1, previous: 2, higherIsBetter: false }),
    ).toEqual({ direction: 'down', sentiment: 'better', difference: -1 });
    expect(
      describeChange({ current: 2, previous: 2, higherIsBetter: true }),
    ).toEqual({ direction: 'flat', sentiment: 'neutral', difference: 0 });
    expect(
      describeChange({ current: 2, previous: null, higherIsBetter: true }),
    ).toEqual({ direction: 'none', sentiment: 'neutral', difference: null });
  });
});

describe('MetricTile', () => {
  it('shows the title, value, unit, subtitle and tier', async () => {
    await renderInTestApp(
      <MetricTile
        title="Deployment frequency"
        value="2.4"
        unit="/week"
        tier="high"
        subtitle="31 deployments"
      />,
    );
    const tile = screen.getByRole('region', { name: 'Deployment frequency' });
    expect(within(tile).getByText('2.4')).toBeInTheDocument();
    expect(within(tile).getByText('/week')).toBeInTheDocument();
    expect(within(tile).getByText('High')).toBeInTheDocument();
    expect(within(tile).getByText('31 deployments')).toBeInTheDocument();
    expect(
      within(tile).queryByRole('button', { name: /about/i }),
    ).not.toBeInTheDocument();
  });

  it('shows a rise of a higher-is-better metric as an improvement', async () => {
    await renderInTestApp(
      <MetricTile
        title="Deployment frequency"
        value="2.4"
        change={{ current: 2.4, previous: 1.8, higherIsBetter: true }}
      />,
    );
    expect(screen.getByRole('img', { name: 'Up' })).toBeInTheDocument();
    const line = screen.getByText(/vs previous period/);
    expect(line).toHaveTextContent('+0.6 vs previous period, better');
    expect(line.closest('[data-direction]')).toHaveAttribute(
      'data-sentiment',
      'better',
    );
  });

  it('shows a rise of a lower-is-better metric as a regression', async () => {
    await renderInTestApp(
      <MetricTile
        title="Lead time for changes"
        value="20"
        unit="hours"
        change={{
          current: 20,
          previous: 12,
          higherIsBetter: false,
          format: d => `${d.toFixed(0)} h`,
          comparedTo: 'previous 90 days',
        }}
      />,
    );
    expect(screen.getByRole('img', { name: 'Up' })).toBeInTheDocument();
    expect(screen.getByText(/vs previous 90 days/)).toHaveTextContent(
      '+8 h vs previous 90 days, worse',
    );
  });

  it('shows a fall of a lower-is-better metric as an improvement', async () => {
    await renderInTestApp(
      <MetricTile
        title="Change failure rate"
        value="5"
        unit="%"
        change={{ current: 0.05, previous: 0.1, higherIsBetter: false }}
      />,
    );
    expect(screen.getByRole('img', { name: 'Down' })).toBeInTheDocument();
    expect(screen.getByText(/vs previous period/)).toHaveTextContent(/better$/);
  });

  it('says when the previous period has no data', async () => {
    await renderInTestApp(
      <MetricTile
        title="Recovery"
        value="–"
        tier={null}
        change={{ current: null, previous: 2, higherIsBetter: false }}
      />,
    );
    expect(
      screen.getByText('No data for the previous period'),
    ).toBeInTheDocument();
    expect(screen.getByText('No tier')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /up|down/i })).toBeNull();
  });

  it('opens a popover with the explanation from the info button', async () => {
    await renderInTestApp(
      <MetricTile title="Change failure rate" value="12.9" unit="%">
        <p>Share of deployments that caused a failure.</p>
      </MetricTile>,
    );
    expect(
      screen.queryByText('Share of deployments that caused a failure.'),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'About Change failure rate' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'About Change failure rate',
    });
    expect(
      within(dialog).getByText('Share of deployments that caused a failure.'),
    ).toBeInTheDocument();
  });
});
