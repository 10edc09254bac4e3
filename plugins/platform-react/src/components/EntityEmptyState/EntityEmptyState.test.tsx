import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityEmptyState } from './EntityEmptyState';

const window = {
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
};

describe('EntityEmptyState', () => {
  it('says nothing was ever linked and how to send data', async () => {
    const onJumpToLatest = jest.fn();
    await renderInTestApp(
      <EntityEmptyState
        activity={{ linkedEvents: 0, lastOccurredAt: null }}
        dataName="DORA data"
        neverLinkedDescription="No deployment events are linked to this entity yet."
        howToSend={<p>Send events to POST /api/platform/events</p>}
        window={window}
        onJumpToLatest={onJumpToLatest}
      />,
    );
    expect(screen.getByText('No DORA data yet')).toBeInTheDocument();
    expect(
      screen.getByText('No deployment events are linked to this entity yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Send events to POST /api/platform/events'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Jump to the latest data' }),
    ).toBeNull();
  });

  it('says the window is empty, when the latest data is from, and jumps there', async () => {
    const onJumpToLatest = jest.fn();
    await renderInTestApp(
      <EntityEmptyState
        activity={{
          linkedEvents: 412,
          lastOccurredAt: '2026-05-31T18:45:00.000Z',
        }}
        dataName="DORA data"
        howToSend={<p>Send events to POST /api/platform/events</p>}
        window={window}
        onJumpToLatest={onJumpToLatest}
      />,
    );
    expect(screen.getByText('No DORA data in this window')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Nothing from Aug 25, 2026 – Nov 22, 2026 (UTC). The latest linked event is from May 31, 2026.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Send events to POST /api/platform/events'),
    ).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Jump to the latest data' }),
    );
    expect(onJumpToLatest).toHaveBeenCalledWith('2026-05-31T18:45:00.000Z');
  });
});
