import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '@goldenpath/plugin-platform-common';

/**
 * The annotations that tell which clusters a Component runs in; any one is
 * enough. `goldenpath.dev/clusters` names them outright; the Kubernetes ones
 * let the backend find them where the component's pods and rollouts are seen.
 *
 * @public
 */
export const CANARY_ANNOTATIONS = [
  ANNOTATIONS.kubernetesId,
  ANNOTATIONS.kubernetesLabelSelector,
  ANNOTATIONS.kubernetesNamespace,
  ANNOTATIONS.clusters,
] as const;

const kindOf = (entity: Entity) => entity.kind.toLocaleLowerCase('en-US');

/** A Component with a Kubernetes (or `goldenpath.dev/clusters`) annotation. @public */
export function isCanaryComponent(entity: Entity): boolean {
  return (
    kindOf(entity) === 'component' &&
    CANARY_ANNOTATIONS.some(name =>
      Boolean(entity.metadata.annotations?.[name]),
    )
  );
}

/** A Resource of `spec.type: kubernetes-cluster`. @public */
export function isCanaryCluster(entity: Entity): boolean {
  return (
    kindOf(entity) === 'resource' &&
    entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE
  );
}

/**
 * Whether the Canary tab applies: a Component with
 * `backstage.io/kubernetes-id`, `backstage.io/kubernetes-label-selector`,
 * `backstage.io/kubernetes-namespace` or `goldenpath.dev/clusters`, or a
 * Resource of type `kubernetes-cluster`. Use with `EntitySwitch.Case` or
 * `EntityLayout.Route`'s `if`.
 *
 * @public
 */
export function isCanaryAvailable(entity: Entity): boolean {
  return isCanaryComponent(entity) || isCanaryCluster(entity);
}
