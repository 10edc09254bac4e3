import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { CostQuery, CostSummary } from '../../api/types';
import { useCostQuery, useCostSummary } from '../../hooks/useCostData';
import { useCostWindow } from '../../hooks/useCostWindow';
import { CostControls } from '../CostControls';
import { CostEmptyState } from '../CostEmptyState';

/**
 * Whether the window holds anything: container-hours, or for a cluster
 * node-hours (a component's idle rows describe its clusters, not itself).
 */
export function hasCostInWindow(summary: CostSummary): boolean {
  return (
    summary.total.containerHours > 0 ||
    (summary.scope === 'cluster' && summary.idle.some(row => row.nodeHours > 0))
  );
}

export interface CostTabProps {
  entityRef: string;
  /** Who the empty state talks about: "this component", "this cluster". */
  subject: string;
  /** The view of a summary with data in the window. */
  children(summary: CostSummary, query: CostQuery): ReactNode;
}

/**
 * The frame every Cost view shares: the window picker, then loading, error,
 * empty (never any data, or none in this window) or the view.
 */
export function CostTab(props: CostTabProps) {
  const time = useCostWindow();
  const query = useCostQuery(props.entityRef, time.window);
  const { loading, error, value } = useCostSummary(query);

  let body: ReactNode;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = null;
  } else if (value.scope === 'group' && value.entityRefs.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No components"
        description="This group owns no components, so there is no cost to show back. Components list their team in spec.owner."
      />
    );
  } else if (!value.dataSince || !hasCostInWindow(value)) {
    body = (
      <CostEmptyState
        entityRef={props.entityRef}
        subject={props.subject}
        dataSince={value.dataSince}
        time={time}
      />
    );
  } else {
    body = props.children(value, query);
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <CostControls time={time} />
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
    </Grid>
  );
}
