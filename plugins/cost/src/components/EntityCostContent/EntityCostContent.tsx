import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  COST_ANNOTATIONS,
  isCostCluster,
  isCostComponent,
  isCostGroup,
} from '../../availability';
import { ClusterCostView } from '../ClusterCost';
import { GroupCostView } from '../GroupCost';
import { ComponentCostView } from './ComponentCostView';
import { CostTab } from './CostTab';

/**
 * The Cost tab of the current entity: a Component's cost down to its
 * containers, a Group's showback of its components, or a cluster Resource's
 * cost, allocated against idle and by namespace.
 *
 * @public
 */
export function EntityCostContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  if (isCostGroup(entity)) {
    return (
      <CostTab entityRef={entityRef} subject="the components this group owns">
        {summary => <GroupCostView summary={summary} />}
      </CostTab>
    );
  }
  if (isCostCluster(entity)) {
    return (
      <CostTab entityRef={entityRef} subject="this cluster">
        {summary => <ClusterCostView summary={summary} />}
      </CostTab>
    );
  }
  if (isCostComponent(entity)) {
    return (
      <CostTab entityRef={entityRef} subject="this component">
        {(summary, query) => (
          <ComponentCostView summary={summary} query={query} />
        )}
      </CostTab>
    );
  }
  if (entity.kind.toLocaleLowerCase('en-US') === 'component') {
    return <MissingAnnotationEmptyState annotation={[...COST_ANNOTATIONS]} />;
  }
  return (
    <EmptyState
      missing="info"
      title="No cost for this kind of entity"
      description="The Cost tab covers Components, Groups and Resources of type kubernetes-cluster."
    />
  );
}
