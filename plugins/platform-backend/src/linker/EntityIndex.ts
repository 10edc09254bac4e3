import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EventSubject,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  normalizeEntityRef,
} from '@goldenpath/plugin-platform-common';

/** The outcome of resolving one subject. */
export type LinkResult =
  | { entityRef: string; reason?: undefined }
  | { entityRef?: undefined; reason: string };

interface Candidate {
  ref: string;
  clusters: string[];
}

/** The catalog kinds an event may link to; also what the linker fetches. */
export const LINKABLE_KINDS = ['Component', 'Resource', 'System', 'Group'];

/**
 * An in-memory map from event subjects to catalog entities, built from the
 * annotations in `ANNOTATIONS`. Immutable: the linker swaps in a new one when
 * it refreshes from the catalog.
 */
export class EntityIndex {
  private readonly refs = new Set<string>();
  private readonly byKey = new Map<string, Candidate[]>();

  private digest?: string;

  static fromEntities(entities: Entity[]): EntityIndex {
    const index = new EntityIndex();
    for (const entity of entities) index.add(entity);
    return index;
  }

  get size(): number {
    return this.refs.size;
  }

  /**
   * A hash of everything `resolve` reads, independent of the catalog's order:
   * two indexes with one fingerprint resolve every subject alike, so events
   * that failed to link against one need not be tried against the other.
   */
  get fingerprint(): string {
    if (!this.digest) {
      const keys = [...this.byKey.entries()]
        .map(([key, candidates]) => [
          key,
          candidates
            .map(c => [c.ref, [...c.clusters].sort()] as const)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        ])
        .sort(([a], [b]) => (a < b ? -1 : 1));
      this.digest = createHash('sha256')
        .update(JSON.stringify([[...this.refs].sort(), keys]))
        .digest('hex');
    }
    return this.digest;
  }

  resolve(subject: EventSubject, explicitRef?: string): LinkResult {
    if (explicitRef) return this.resolveRef(explicitRef);
    if (subject.kind === 'entity') return this.resolveRef(subject.name);
    const name =
      subject.kind === 'repository' ? subject.name.toLowerCase() : subject.name;
    let candidates = this.byKey.get(`${subject.kind}:${name}`) ?? [];
    if (candidates.length > 1 && subject.cluster) {
      candidates = candidates.filter(c =>
        c.clusters.includes(subject.cluster!),
      );
    }
    if (candidates.length === 1) return { entityRef: candidates[0].ref };
    const what = `${annotationFor(subject.kind)}=${subject.name}`;
    if (candidates.length === 0) {
      return { reason: `no catalog entity has ${what}` };
    }
    const refs = candidates
      .map(c => c.ref)
      .slice(0, 5)
      .join(', ');
    return {
      reason: `${candidates.length} catalog entities have ${what} (${refs}); send entityRef or a more specific subject`,
    };
  }

  private resolveRef(ref: string): LinkResult {
    let normalised: string;
    try {
      normalised = normalizeEntityRef(ref);
    } catch {
      return { reason: `"${ref}" is not a valid entity ref` };
    }
    return this.refs.has(normalised)
      ? { entityRef: normalised }
      : { reason: `no catalog entity ${normalised}` };
  }

  private add(entity: Entity) {
    const ref = stringifyEntityRef(entity).toLowerCase();
    this.refs.add(ref);
    const annotations = entity.metadata.annotations ?? {};
    const clusters = (annotations[ANNOTATIONS.clusters] ?? '')
      .split(',')
      .map(c => c.trim())
      .filter(Boolean);
    const candidate = { ref, clusters };
    const slug = annotations[ANNOTATIONS.githubProjectSlug];
    if (slug) this.put(`repository:${slug.toLowerCase()}`, candidate);
    const kubernetesId = annotations[ANNOTATIONS.kubernetesId];
    if (kubernetesId) this.put(`kubernetes-id:${kubernetesId}`, candidate);
    const namespace = annotations[ANNOTATIONS.kubernetesNamespace];
    if (namespace) this.put(`namespace:${namespace}`, candidate);
    if (
      entity.kind.toLowerCase() === 'resource' &&
      entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE
    ) {
      const clusterName =
        annotations[ANNOTATIONS.clusterName] ?? entity.metadata.name;
      this.put(`cluster:${clusterName}`, { ref, clusters: [clusterName] });
    }
  }

  private put(key: string, candidate: Candidate) {
    const list = this.byKey.get(key) ?? [];
    if (!list.some(c => c.ref === candidate.ref)) list.push(candidate);
    this.byKey.set(key, list);
  }
}

function annotationFor(kind: EventSubject['kind']): string {
  switch (kind) {
    case 'repository':
      return ANNOTATIONS.githubProjectSlug;
    case 'kubernetes-id':
      return ANNOTATIONS.kubernetesId;
    case 'namespace':
      return ANNOTATIONS.kubernetesNamespace;
    case 'cluster':
      return `kubernetes-cluster Resource named`;
    default:
      return 'entity ref';
  }
}
