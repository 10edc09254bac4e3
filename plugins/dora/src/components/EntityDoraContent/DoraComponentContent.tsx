import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { DoraMetricsResponse } from '@goldenpath/plugin-platform-common';
import { DoraQuery } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import { useDoraMetrics } from '../../hooks/useDoraData';
import { useDoraFilters } from '../../hooks/useDoraFilters';
import { useDoraQuery } from '../../hooks/useDoraQuery';
import { DoraControls } from '../DoraControls';
import { DoraDrillDown } from '../DoraDrillDown';
import { DoraEmptyState } from '../DoraEmptyState';
import { DoraExtraNumbers, DoraTiles } from '../DoraTiles';
import { DoraTrends } from '../DoraTrends';

export function hasNoInputs(inputs: DoraMetricsResponse['inputs']): boolean {
  return (
    inputs.deployments +
      inputs.changes +
      inputs.incidents +
      inputs.failedRuns ===
    0
  );
}

function DoraMetricsView(props: {
  metrics: DoraMetricsResponse;
  query: DoraQuery;
}) {
  const { metrics, query } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DoraTiles
          summary={metrics}
          previous={metrics.previous}
          options={metrics.options}
          inputs={metrics.inputs}
          componentCount={
            metrics.entityRefs.length > 1
              ? metrics.entityRefs.length
              : undefined
          }
        />
      </Grid>
      <Grid item xs={12}>
        <DoraExtraNumbers summary={metrics} />
      </Grid>
      <Grid item xs={12}>
        <DoraTrends
          weekly={metrics.weekly}
          prSizeVsMergeTime={metrics.prSizeVsMergeTime}
        />
      </Grid>
      <Grid item xs={12}>
        <DoraDrillDown query={query} />
      </Grid>
    </Grid>
  );
}

/** The DORA view of one entity: controls, then loading, error, empty or the numbers. */
export function DoraComponentContent(props: {
  entityRef: string;
  eventsDocsUrl?: string;
}) {
  const filters = useDoraFilters();
  const query = useDoraQuery(props.entityRef, filters);
  const { loading, error, value } = useDoraMetrics(query);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || hasNoInputs(value.inputs)) {
    body = (
      <DoraEmptyState
        entityRef={props.entityRef}
        filters={filters}
        eventsDocsUrl={props.eventsDocsUrl}
      />
    );
  } else {
    body = <DoraMetricsView metrics={value} query={query} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DoraControls entityRef={props.entityRef} filters={filters} />
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
    </Grid>
  );
}
