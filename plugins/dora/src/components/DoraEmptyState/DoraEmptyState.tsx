import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityEmptyState } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { useDoraActivity } from '../../hooks/useDoraContext';
import { DoraFilters } from '../../hooks/useDoraFilters';

export interface DoraEmptyStateProps {
  entityRef: string;
  /** The window that came back empty, and the jump to the latest data. */
  filters: Pick<DoraFilters, 'window' | 'jumpTo'>;
  /** Where "Sending events" in the Golden Path README lives, if known. */
  eventsDocsUrl?: string;
  /** For a Group the events are linked to the components it owns. */
  group?: boolean;
}

function HowToSendEvents(props: { eventsDocsUrl?: string }) {
  return (
    <div>
      <Typography variant="body2" paragraph>
        Send <code>deployment.finished</code>, <code>change.merged</code> and{' '}
        <code>incident.opened</code> / <code>incident.resolved</code> events to{' '}
        <code>POST /api/platform/events</code>, or install the GitHub module (
        <code>@goldenpath/plugin-platform-backend-module-github</code>) to
        collect them. Events reach a component through its{' '}
        <code>github.com/project-slug</code> annotation.
      </Typography>
      <Typography variant="body2">
        {props.eventsDocsUrl ? (
          <Link to={props.eventsDocsUrl}>
            How to send events (README: Sending events)
          </Link>
        ) : (
          'How to send events: see “Sending events” in the Golden Path README.'
        )}
      </Typography>
    </div>
  );
}

/**
 * Nothing in this window: either nothing was ever linked to the entity (say
 * how to send events) or the data is older (offer to jump to it).
 */
export function DoraEmptyState(props: DoraEmptyStateProps) {
  const { loading, error, value } = useDoraActivity(props.entityRef);
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No activity')} />;
  }
  const subject = props.group
    ? 'the components this group owns'
    : 'this entity';
  return (
    <EntityEmptyState
      activity={value}
      dataName="DORA data"
      neverLinkedDescription={`No deployment, change or incident events are linked to ${subject} yet.`}
      howToSend={<HowToSendEvents eventsDocsUrl={props.eventsDocsUrl} />}
      window={props.filters.window}
      onJumpToLatest={props.filters.jumpTo}
    />
  );
}
