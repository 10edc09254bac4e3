import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '@goldenpath/plugin-platform-common';
import { resolveEntityScope } from '../catalog/resolveEntityScope';
import { CostRowScope } from './CostStore';

/** What a cost read covers. */
export interface CostScope {
  entityRef: string;
  scope: 'component' | 'group' | 'cluster';
  /** The components (empty for a cluster). */
  entityRefs: string[];
  /** Whose rows to read: the components', or every row of the cluster. */
  rows: CostRowScope;
}

/**
 * The entity as the caller sees it (an invisible one is a 404): a Group
 * covers the Components it owns; a `kubernetes-cluster` Resource covers every
 * row of its cluster (named by `goldenpath.dev/cluster-name`, else its name,
 * as the linker maps clusters); anything else its own rows.
 */
export async function resolveCostScope(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<CostScope> {
  const scope = await resolveEntityScope(catalog, entityRef, credentials);
  if (scope.kind === 'group') {
    return {
      entityRef: scope.entityRef,
      scope: 'group',
      entityRefs: scope.entityRefs,
      rows: { entityRefs: scope.entityRefs },
    };
  }
  if (scope.kind === 'resource') {
    const entity = await catalog.getEntityByRef(scope.entityRef, {
      credentials,
    });
    if (entity?.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE) {
      const cluster =
        entity.metadata.annotations?.[ANNOTATIONS.clusterName] ??
        entity.metadata.name;
      return {
        entityRef: scope.entityRef,
        scope: 'cluster',
        entityRefs: [],
        rows: { clusters: [cluster] },
      };
    }
  }
  return {
    entityRef: scope.entityRef,
    scope: 'component',
    entityRefs: scope.entityRefs,
    rows: { entityRefs: scope.entityRefs },
  };
}
