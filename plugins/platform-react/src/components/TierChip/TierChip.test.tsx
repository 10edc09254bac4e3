import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TierChip } from './TierChip';

describe('TierChip', () => {
  it.each([
    ['elite', 'Elite'],
    ['high', 'High'],
    ['medium', 'Medium'],
    ['low', 'Low'],
  ] as const)('shows %s as %s with accessible text', async (tier, label) => {
    await renderInTestApp(<TierChip tier={tier} />);
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(screen.getByTitle(`DORA tier: ${label}`)).toHaveTextContent(
      `DORA tier: ${label}`,
    );
  });

  it('gives each tier its own colour', async () => {
    await renderInTestApp(
      <>
        <TierChip tier="elite" />
        <TierChip tier="low" />
      </>,
    );
    const elite = screen.getByTitle('DORA tier: Elite');
    const low = screen.getByTitle('DORA tier: Low');
    const eliteColor = getComputedStyle(elite).backgroundColor;
    expect(eliteColor).not.toBe('');
    expect(eliteColor).not.toBe(getComputedStyle(low).backgroundColor);
  });

  it('says when there is no tier', async () => {
    await renderInTestApp(<TierChip tier={null} />);
    expect(screen.getByText('No tier')).toBeInTheDocument();
    expect(screen.getByTitle('Not enough data to grade')).toBeInTheDocument();
  });
});
