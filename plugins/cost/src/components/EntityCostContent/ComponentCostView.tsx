import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  CostQuery,
  CostRecommendations,
  CostSummary,
  CostWindow,
} from '../../api/types';
import {
  useCostDeployments,
  useCostRecommendations,
} from '../../hooks/useCostData';
import { ControllersTable } from '../ControllersTable';
import { AsyncValue, CostTiles } from '../CostTiles';
import { CostTrend } from '../CostTrend';
import { DeploymentCostTable } from '../DeploymentCost';
import { formatDateTime, formatWindow } from '../format';
import {
  RecommendedRequests,
  RisksTable,
  SavingsTable,
} from '../Recommendations';

function RightSizing(props: {
  entityRef: string;
  recommendations: AsyncValue<CostRecommendations>;
  /** The window asked for; raw retention may have shortened the one used. */
  window: CostWindow;
}) {
  const { loading, error, value } = props.recommendations;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const clamped = value.window.from !== props.window.from;
  return (
    <Grid container spacing={3}>
      {clamped && (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            Right-sizing pools the raw hourly samples, kept since{' '}
            {formatDateTime(value.rawSince)}: it covers{' '}
            {formatWindow(value.window.from, value.window.to)} (
            {value.window.hours} hours).
          </Typography>
        </Grid>
      )}
      <Grid item xs={12}>
        <SavingsTable entityRef={props.entityRef} recommendations={value} />
      </Grid>
      <Grid item xs={12}>
        <RisksTable entityRef={props.entityRef} recommendations={value} />
      </Grid>
      <Grid item xs={12}>
        <RecommendedRequests recommendations={value} />
      </Grid>
    </Grid>
  );
}

/**
 * A component's cost: tiles, the daily trend, controllers down to the
 * containers, right-sizing (savings and risk apart, the YAML to paste) and
 * the cost of its deployments.
 */
export function ComponentCostView(props: {
  summary: CostSummary;
  query: CostQuery;
}) {
  const { summary, query } = props;
  const recommendations = useCostRecommendations(query);
  const deployments = useCostDeployments(query);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <CostTiles summary={summary} recommendations={recommendations} />
      </Grid>
      <Grid item xs={12}>
        <CostTrend summary={summary} />
      </Grid>
      <Grid item xs={12}>
        <ControllersTable summary={summary} query={query} />
      </Grid>
      <Grid item xs={12}>
        <RightSizing
          entityRef={summary.entityRef}
          recommendations={recommendations}
          window={summary.window}
        />
      </Grid>
      <Grid item xs={12}>
        <DeploymentCostTable
          entityRef={summary.entityRef}
          window={summary.window}
          deployments={deployments}
        />
      </Grid>
    </Grid>
  );
}
