import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '@goldenpath/plugin-platform-common';
import { lookUpEntity } from '../catalog/resolveEntityScope';
import { EventStore } from '../eventLog/EventStore';
import { CanaryStore } from './CanaryStore';

/** How a component's clusters were found. */
export type CanaryClusterSource = 'annotation' | 'events' | 'none';

export interface CanaryComponentClusters {
  entityRef: string;
  clusters: string[];
  clusterSource: CanaryClusterSource;
}

/** What a canary read covers. */
export type CanaryScope =
  | { kind: 'cluster'; entityRef: string; cluster: string }
  | {
      kind: 'component' | 'group';
      entityRef: string;
      /** The component, or the Components a Group owns. */
      components: CanaryComponentClusters[];
    };

/** Where a component's Kubernetes objects show up in the log. */
const CLUSTER_EVIDENCE = ['pod.usage', 'rollout.updated'] as const;

export interface ClusterResolver {
  eventLog: Pick<EventStore, 'entityClusters'>;
  store: Pick<CanaryStore, 'rolloutClusters'>;
  lookbackMs: number;
  now: () => Date;
}

/** The cluster name of a kubernetes-cluster Resource, as the linker maps clusters. */
export function clusterNameOf(entity: Entity): string | undefined {
  if (
    entity.kind.toLowerCase() !== 'resource' ||
    entity.spec?.type !== KUBERNETES_CLUSTER_RESOURCE_TYPE
  ) {
    return undefined;
  }
  return (
    entity.metadata.annotations?.[ANNOTATIONS.clusterName] ??
    entity.metadata.name
  );
}

/**
 * Cluster name → the kubernetes-cluster Resource these credentials can see.
 * When two Resources name one cluster, the first the catalog returns wins,
 * for the tab and the notifications alike.
 */
export async function clusterResourceRefs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Map<string, string>> {
  const { items } = await catalog.getEntities(
    {
      filter: {
        kind: 'Resource',
        'spec.type': KUBERNETES_CLUSTER_RESOURCE_TYPE,
      },
      fields: [
        'kind',
        'spec.type',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials },
  );
  const refs = new Map<string, string>();
  for (const entity of items) {
    const name = clusterNameOf(entity);
    if (name && !refs.has(name)) {
      refs.set(name, stringifyEntityRef(entity).toLowerCase());
    }
  }
  return refs;
}

function annotatedClusters(entity: Entity): string[] {
  return [
    ...new Set(
      (entity.metadata.annotations?.[ANNOTATIONS.clusters] ?? '')
        .split(',')
        .map(c => c.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/**
 * The clusters each component runs in: those its `goldenpath.dev/clusters`
 * annotation lists; else the clusters where its own Kubernetes objects were
 * seen lately (its linked `pod.usage` and `rollout.updated` events, and its
 * Argo Rollouts); else none. Guessing "every cluster" was rejected: one
 * outage anywhere would then degrade every service.
 */
export async function resolveComponentClusters(
  entities: Entity[],
  resolver: ClusterResolver,
): Promise<CanaryComponentClusters[]> {
  const result = entities.map(entity => ({
    entityRef: stringifyEntityRef(entity).toLowerCase(),
    clusters: annotatedClusters(entity),
  }));
  const unannotated = result
    .filter(r => r.clusters.length === 0)
    .map(r => r.entityRef);
  const seen = new Map<string, Set<string>>();
  if (unannotated.length > 0) {
    const since = new Date(
      resolver.now().getTime() - resolver.lookbackMs,
    ).toISOString();
    const pairs = [
      ...(await resolver.eventLog.entityClusters(
        unannotated,
        CLUSTER_EVIDENCE,
        since,
      )),
      ...(await resolver.store.rolloutClusters(unannotated)),
    ];
    for (const { entityRef, cluster } of pairs) {
      const set = seen.get(entityRef) ?? new Set<string>();
      set.add(cluster);
      seen.set(entityRef, set);
    }
  }
  return result.map(r => {
    if (r.clusters.length > 0) return { ...r, clusterSource: 'annotation' };
    const clusters = [...(seen.get(r.entityRef) ?? [])].sort();
    return {
      ...r,
      clusters,
      clusterSource: clusters.length > 0 ? 'events' : 'none',
    };
  });
}

/**
 * The entity as the caller sees it (an invisible one is a 404): a
 * kubernetes-cluster Resource covers its cluster; a Component the clusters
 * it runs in; a Group the Components it owns. Other kinds are a 400.
 */
export async function resolveCanaryScope(
  catalog: CatalogService,
  resolver: ClusterResolver,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<CanaryScope> {
  const { entity, ref } = await lookUpEntity(catalog, entityRef, credentials);
  const kind = entity.kind.toLowerCase();
  const cluster = clusterNameOf(entity);
  if (cluster) return { kind: 'cluster', entityRef: ref, cluster };
  if (kind === 'component') {
    return {
      kind: 'component',
      entityRef: ref,
      components: await resolveComponentClusters([entity], resolver),
    };
  }
  if (kind === 'group') {
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Component', 'relations.ownedBy': ref },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    return {
      kind: 'group',
      entityRef: ref,
      components: (await resolveComponentClusters(items, resolver)).sort(
        (x, y) => (x.entityRef < y.entityRef ? -1 : 1),
      ),
    };
  }
  throw new InputError(
    `entityRef: canary data is about Components, Groups and kubernetes-cluster Resources, not ${ref}`,
  );
}
