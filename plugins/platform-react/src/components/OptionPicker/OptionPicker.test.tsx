import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionPicker } from './OptionPicker';

const WINDOWS = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
] as const;

describe('OptionPicker', () => {
  it('shows the chosen option under its label', async () => {
    await renderInTestApp(
      <OptionPicker
        label="Window"
        options={WINDOWS}
        value="24h"
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: /Window/ })).toHaveTextContent(
      'Last 24 hours',
    );
  });

  it('hands back the value of the picked option', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <OptionPicker
        label="Window"
        options={WINDOWS}
        value="24h"
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Window/ }));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Last hour', 'Last 24 hours', 'Last 7 days']);
    await userEvent.click(within(listbox).getByText('Last 7 days'));
    expect(onChange).toHaveBeenCalledWith('7d');
  });
});
