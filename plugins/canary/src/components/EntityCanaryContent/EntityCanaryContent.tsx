import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  CANARY_ANNOTATIONS,
  isCanaryCluster,
  isCanaryComponent,
} from '../../availability';
import { CanaryTab } from './CanaryTab';
import { ClusterCanaryView } from './ClusterCanaryView';
import { ComponentCanaryView } from './ComponentCanaryView';

/**
 * The Canary tab of the current entity: on a Component, whether the
 * platform under it is healthy and where its Argo Rollouts stand; on a
 * cluster Resource, all its checks.
 *
 * @public
 */
export function EntityCanaryContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  if (isCanaryCluster(entity)) {
    return (
      <CanaryTab entityRef={entityRef}>
        {(status, select) => (
          <ClusterCanaryView status={status} onSelect={select} />
        )}
      </CanaryTab>
    );
  }
  if (isCanaryComponent(entity)) {
    return (
      <CanaryTab entityRef={entityRef}>
        {(status, select) => (
          <ComponentCanaryView status={status} onSelect={select} />
        )}
      </CanaryTab>
    );
  }
  if (entity.kind.toLocaleLowerCase('en-US') === 'component') {
    return <MissingAnnotationEmptyState annotation={[...CANARY_ANNOTATIONS]} />;
  }
  return (
    <EmptyState
      missing="info"
      title="No canary checks for this kind of entity"
      description="The Canary tab covers Components that run in Kubernetes and Resources of type kubernetes-cluster."
    />
  );
}
