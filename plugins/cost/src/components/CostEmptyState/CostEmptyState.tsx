import { EmptyState, Progress } from '@backstage/core-components';
import {
  EntityEmptyState,
  TimeWindowState,
} from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { useCostActivity } from '../../hooks/useCostData';
import { formatDate } from '../format';

export interface CostEmptyStateProps {
  entityRef: string;
  /** "this component", "the components this group owns", "this cluster". */
  subject: string;
  /** The earliest hour with cost data; absent when there never was any. */
  dataSince?: string;
  time: Pick<TimeWindowState, 'window' | 'jumpTo'>;
}

function HowToSendUsage() {
  return (
    <Typography variant="body2">
      Cost comes from hourly <code>pod.usage</code> and <code>node.cost</code>{' '}
      events sent to <code>POST /api/platform/events</code>, or from the
      OpenCost or Prometheus poller modules. Pods reach a component through its{' '}
      <code>backstage.io/kubernetes-id</code>,{' '}
      <code>backstage.io/kubernetes-namespace</code> or{' '}
      <code>backstage.io/kubernetes-label-selector</code> annotation.
    </Typography>
  );
}

/** Data exists, not in this window: offer the latest data when the log knows it. */
function EmptyWindow(props: CostEmptyStateProps & { dataSince: string }) {
  const activity = useCostActivity(props.entityRef);
  const latest = activity.value?.lastOccurredAt;
  if (activity.loading) {
    return <Progress />;
  }
  if (activity.value && latest) {
    return (
      <EntityEmptyState
        activity={activity.value}
        dataName="cost data"
        window={props.time.window}
        onJumpToLatest={props.time.jumpTo}
      />
    );
  }
  return (
    <EmptyState
      missing="content"
      title="No cost data in this window"
      description={`Cost data for ${props.subject} starts on ${formatDate(
        props.dataSince,
      )}.`}
    />
  );
}

/**
 * An empty tab: cost data never existed for the entity (say where it comes
 * from), or it exists but not in this window.
 */
export function CostEmptyState(props: CostEmptyStateProps) {
  if (!props.dataSince) {
    return (
      <EmptyState
        missing="data"
        title="No cost data yet"
        description={`No pod usage is linked to ${props.subject} yet.`}
        action={<HowToSendUsage />}
      />
    );
  }
  return <EmptyWindow {...props} dataSince={props.dataSince} />;
}
