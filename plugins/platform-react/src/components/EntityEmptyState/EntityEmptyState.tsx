import { EmptyState } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { formatUtcDay } from '../formatUtcDay';

/** What `GET /activity` says about an entity, as far as this state needs. @public */
export interface EntityActivitySummary {
  /** Events of the tab's types ever linked to the entity (or a Group's components). */
  linkedEvents: number;
  /** `null` when none was ever linked. */
  lastOccurredAt: string | null;
}

/** @public */
export interface EntityEmptyStateProps {
  activity: EntityActivitySummary;
  /** What the tab shows, for the titles: "No DORA data yet", "No DORA data in this window". */
  dataName: string;
  /** Shown when nothing was ever linked; defaults to a sentence about events. */
  neverLinkedDescription?: string;
  /** How to send data, shown when nothing was ever linked. */
  howToSend?: JSX.Element;
  /** The window the tab shows, `[from, to)`. */
  window: { from: string; to: string };
  /** Moves the window so it ends with the latest data. */
  onJumpToLatest(lastOccurredAt: string): void;
}

function describeWindow(window: { from: string; to: string }): string {
  // `to` is exclusive: the window's last day is the one before it.
  const lastDay = new Date(Date.parse(window.to) - 1).toISOString();
  return `${formatUtcDay(window.from)} – ${formatUtcDay(lastDay)}`;
}

/**
 * An empty tab, told apart by `GET /activity`: nothing was ever linked to the
 * entity (say how to send data), or there is data, just not in this window
 * (say when the latest is from and offer to jump there).
 *
 * @public
 */
export function EntityEmptyState(props: EntityEmptyStateProps) {
  const { activity, dataName, window, onJumpToLatest } = props;
  const latest = activity.lastOccurredAt;

  if (activity.linkedEvents === 0 || latest === null) {
    return (
      <EmptyState
        missing="data"
        title={`No ${dataName} yet`}
        description={
          props.neverLinkedDescription ??
          'No events are linked to this entity yet.'
        }
        action={props.howToSend}
      />
    );
  }

  return (
    <EmptyState
      missing="content"
      title={`No ${dataName} in this window`}
      description={`Nothing from ${describeWindow(
        window,
      )} (UTC). The latest linked event is from ${formatUtcDay(latest)}.`}
      action={
        <Button
          variant="contained"
          color="primary"
          onClick={() => onJumpToLatest(latest)}
        >
          Jump to the latest data
        </Button>
      }
    />
  );
}
