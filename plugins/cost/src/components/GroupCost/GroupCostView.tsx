import Grid from '@material-ui/core/Grid';
import { CostSummary } from '../../api/types';
import { CostTiles } from '../CostTiles';
import { CostTrend } from '../CostTrend';
import { ComponentsShowbackTable } from './ComponentsShowbackTable';

/** A group's showback: the roll-up tiles, the daily trend and its components. */
export function GroupCostView(props: { summary: CostSummary }) {
  const { summary } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <CostTiles summary={summary} />
      </Grid>
      <Grid item xs={12}>
        <CostTrend summary={summary} />
      </Grid>
      <Grid item xs={12}>
        <ComponentsShowbackTable summary={summary} />
      </Grid>
    </Grid>
  );
}
