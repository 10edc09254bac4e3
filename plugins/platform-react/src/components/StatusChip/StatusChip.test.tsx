import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusChip } from './StatusChip';

describe('StatusChip', () => {
  it.each([
    ['ok', 'OK'],
    ['warning', 'Warning'],
    ['error', 'Error'],
    ['unknown', 'Unknown'],
  ] as const)(
    'shows %s as %s, titled with the status',
    async (status, label) => {
      await renderInTestApp(<StatusChip status={status} />);
      expect(screen.getByTitle(`Status: ${label}`)).toHaveTextContent(label);
    },
  );

  it('takes its own text and title', async () => {
    await renderInTestApp(
      <StatusChip
        status="error"
        label="3 checks failing"
        title="Canary checks: 3 of 12 failing"
      />,
    );
    expect(
      screen.getByTitle('Canary checks: 3 of 12 failing'),
    ).toHaveTextContent('3 checks failing');
  });

  it('colours ok, warning and error apart, and leaves unknown uncoloured', async () => {
    await renderInTestApp(
      <>
        <StatusChip status="ok" />
        <StatusChip status="warning" />
        <StatusChip status="error" />
        <StatusChip status="unknown" />
      </>,
    );
    const background = (label: string) =>
      getComputedStyle(screen.getByTitle(`Status: ${label}`)).backgroundColor;
    const colours = ['OK', 'Warning', 'Error'].map(background);
    expect(new Set(colours).size).toBe(3);
    for (const colour of colours) {
      expect(colour).not.toBe('');
    }
    expect(colours).not.toContain(background('Unknown'));
  });
});
