import { EmptyState, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

export interface DoraEmptyStateProps {
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

/** Nothing is linked to this entity yet: say how to send events. */
export function DoraEmptyState(props: DoraEmptyStateProps) {
  const subject = props.group
    ? 'the components this group owns'
    : 'this entity';
  return (
    <EmptyState
      missing="data"
      title="No DORA data yet"
      description={`No deployment, change or incident events are linked to ${subject} yet.`}
      action={<HowToSendEvents eventsDocsUrl={props.eventsDocsUrl} />}
    />
  );
}
