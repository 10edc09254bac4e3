import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@goldenpath/plugin-platform-common';

/** A component annotated for Kubernetes, as the Rollouts reader needs it. */
export interface KubernetesComponent {
  entityRef: string;
  /** `backstage.io/kubernetes-id`: Rollouts labelled with it are the component's. */
  kubernetesId?: string;
  /** `backstage.io/kubernetes-label-selector`: replaces the id, as in the Kubernetes plugin. */
  labelSelector?: string;
  /** `backstage.io/kubernetes-namespace`: only Rollouts in it. */
  namespace?: string;
  /** `goldenpath.dev/clusters`: only these clusters (absent: every cluster). */
  clusters?: string[];
}

/** The label the Kubernetes plugin finds a component's objects by. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

export function kubernetesComponents(
  entities: Entity[],
): KubernetesComponent[] {
  const components: KubernetesComponent[] = [];
  for (const entity of entities) {
    const a = entity.metadata.annotations ?? {};
    const kubernetesId = a[ANNOTATIONS.kubernetesId]?.trim() || undefined;
    const labelSelector =
      a[ANNOTATIONS.kubernetesLabelSelector]?.trim() || undefined;
    if (!kubernetesId && !labelSelector) continue;
    const clusters = (a[ANNOTATIONS.clusters] ?? '')
      .split(',')
      .map(c => c.trim())
      .filter(Boolean);
    components.push({
      entityRef: stringifyEntityRef(entity),
      ...(labelSelector ? { labelSelector } : { kubernetesId }),
      namespace: a[ANNOTATIONS.kubernetesNamespace]?.trim() || undefined,
      ...(clusters.length ? { clusters } : {}),
    });
  }
  return components;
}

export function runsIn(component: KubernetesComponent, cluster: string) {
  return !component.clusters || component.clusters.includes(cluster);
}
