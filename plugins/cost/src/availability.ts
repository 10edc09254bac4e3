import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '@goldenpath/plugin-platform-common';

/**
 * The annotations that link a Component's pods to it; any one is enough.
 *
 * @public
 */
export const COST_ANNOTATIONS = [
  ANNOTATIONS.kubernetesId,
  ANNOTATIONS.kubernetesLabelSelector,
  ANNOTATIONS.kubernetesNamespace,
] as const;

const kindOf = (entity: Entity) => entity.kind.toLocaleLowerCase('en-US');

/** A Component that names its pods through a Kubernetes annotation. @public */
export function isCostComponent(entity: Entity): boolean {
  return (
    kindOf(entity) === 'component' &&
    COST_ANNOTATIONS.some(name => Boolean(entity.metadata.annotations?.[name]))
  );
}

/** A Group: its tab shows back the cost of the components it owns. @public */
export function isCostGroup(entity: Entity): boolean {
  return kindOf(entity) === 'group';
}

/** A Resource of `spec.type: kubernetes-cluster`. @public */
export function isCostCluster(entity: Entity): boolean {
  return (
    kindOf(entity) === 'resource' &&
    entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE
  );
}

/**
 * Whether the Cost tab applies: a Component with `backstage.io/kubernetes-id`,
 * `backstage.io/kubernetes-label-selector` or `backstage.io/kubernetes-namespace`,
 * a Group, or a Resource of type `kubernetes-cluster`. Use with
 * `EntitySwitch.Case` or `EntityLayout.Route`'s `if`.
 *
 * @public
 */
export function isCostAvailable(entity: Entity): boolean {
  return (
    isCostComponent(entity) || isCostGroup(entity) || isCostCluster(entity)
  );
}
