import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimeWindowPicker } from './TimeWindowPicker';

describe('TimeWindowPicker', () => {
  it('offers the given windows and reports the one picked', async () => {
    const onDaysChange = jest.fn();
    await renderInTestApp(
      <TimeWindowPicker
        options={[7, 30, 365]}
        days={30}
        onDaysChange={onDaysChange}
      />,
    );
    const picker = screen.getByRole('button', { name: /Time range/ });
    expect(picker).toHaveTextContent('Last 30 days');

    await userEvent.click(picker);
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['Last 7 days', 'Last 30 days', 'Last 365 days']);
    await userEvent.click(
      screen.getByRole('option', { name: 'Last 365 days' }),
    );
    expect(onDaysChange).toHaveBeenCalledWith(365);
  });

  it('says when the window ends on a past day and offers the way back', async () => {
    const onBackToNow = jest.fn();
    await renderInTestApp(
      <TimeWindowPicker
        options={[30, 90]}
        days={90}
        onDaysChange={jest.fn()}
        until="2026-05-31"
        onBackToNow={onBackToNow}
      />,
    );
    expect(
      screen.getByRole('button', { name: /Time range/ }),
    ).toHaveTextContent('90 days');
    expect(screen.getByText('ending May 31, 2026')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Back to today' }),
    );
    expect(onBackToNow).toHaveBeenCalledTimes(1);
  });

  it('has no way back while the window ends now', async () => {
    await renderInTestApp(
      <TimeWindowPicker
        options={[30, 90]}
        days={90}
        onDaysChange={jest.fn()}
        onBackToNow={jest.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Back to today' })).toBeNull();
    expect(screen.queryByText(/^ending/)).toBeNull();
  });
});
