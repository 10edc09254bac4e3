import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DoraGroupResponse } from '@goldenpath/plugin-platform-common';
import Grid from '@material-ui/core/Grid';
import { useDoraGroup } from '../../hooks/useDoraData';
import { useDoraFilters } from '../../hooks/useDoraFilters';
import { useDoraQuery } from '../../hooks/useDoraQuery';
import { DoraControls } from '../DoraControls';
import { DoraEmptyState } from '../DoraEmptyState';
import { DoraExtraNumbers, DoraTiles } from '../DoraTiles';
import { GroupComponentsTable } from './GroupComponentsTable';

/**
 * Props of the Group DORA tab.
 *
 * @public
 */
export interface EntityDoraGroupContentProps {
  /** Link to "Sending events" in the Golden Path README, shown on an empty tab. */
  eventsDocsUrl?: string;
}

function hasNoData(group: DoraGroupResponse): boolean {
  return group.components.every(
    c =>
      c.deploymentFrequency.deployments === 0 &&
      c.leadTime.samples === 0 &&
      c.recoveryTime.resolved + c.recoveryTime.open === 0,
  );
}

function DoraGroupView(props: { group: DoraGroupResponse }) {
  const { group } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DoraTiles
          summary={group.summary}
          previous={group.previous}
          options={group.options}
          componentCount={group.components.length}
        />
      </Grid>
      <Grid item xs={12}>
        <DoraExtraNumbers summary={group.summary} />
      </Grid>
      <Grid item xs={12}>
        <GroupComponentsTable group={group} />
      </Grid>
    </Grid>
  );
}

/**
 * The DORA tab of a Group: the roll-up over the components it owns and a
 * table of those components with their tiers.
 *
 * @public
 */
export function EntityDoraGroupContent(props: EntityDoraGroupContentProps) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const filters = useDoraFilters();
  const query = useDoraQuery(entityRef, filters);
  const { loading, error, value } = useDoraGroup(query);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.components.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No components"
        description="This group owns no components, so there is nothing to roll up. Components list their team in spec.owner."
      />
    );
  } else if (hasNoData(value)) {
    body = (
      <DoraEmptyState
        group
        entityRef={entityRef}
        filters={filters}
        eventsDocsUrl={props.eventsDocsUrl}
      />
    );
  } else {
    body = <DoraGroupView group={value} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DoraControls entityRef={entityRef} filters={filters} />
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
    </Grid>
  );
}
