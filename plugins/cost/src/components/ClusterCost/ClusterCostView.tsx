import Grid from '@material-ui/core/Grid';
import { CostSummary } from '../../api/types';
import { CostTrend } from '../CostTrend';
import { ClusterTiles } from './ClusterTiles';
import { sumIdleRows } from './clusterTotals';
import { IdleTable } from './IdleTable';
import { NamespacesTable } from './NamespacesTable';

/** A cluster Resource: its cost, allocated against idle, and cost by namespace. */
export function ClusterCostView(props: { summary: CostSummary }) {
  const { summary } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ClusterTiles summary={summary} totals={sumIdleRows(summary.idle)} />
      </Grid>
      <Grid item xs={12}>
        <CostTrend summary={summary} title="Daily allocated cost" />
      </Grid>
      <Grid item xs={12}>
        <IdleTable summary={summary} />
      </Grid>
      <Grid item xs={12}>
        <NamespacesTable summary={summary} />
      </Grid>
    </Grid>
  );
}
