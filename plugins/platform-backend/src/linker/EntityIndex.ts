import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EventSubject,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  normalizeEntityRef,
} from '@goldenpath/plugin-platform-common';
import { LabelRequirement, parseLabelSelector } from './labelSelector';
import { Candidate, decide, LinkResult } from './decide';
import { PodClaim, PodClaims } from './PodClaims';

export type { LinkResult } from './decide';

/** The catalog kinds an event may link to; also what the linker fetches. */
export const LINKABLE_KINDS = ['Component', 'Resource', 'System', 'Group'];

/**
 * An in-memory map from event subjects to catalog entities, built from the
 * annotations in `ANNOTATIONS`. Immutable: the linker swaps in a new one when
 * it refreshes from the catalog. Pod subjects (`kubernetes-id`, `namespace`)
 * go through `PodClaims`; the rules are in docs/linking.md.
 */
export class EntityIndex {
  private readonly refs = new Set<string>();
  private readonly byKey = new Map<string, Candidate[]>();
  private readonly pods = new PodClaims();
  /** Everything `resolve` reads, per entity, for the fingerprint. */
  private readonly facts: string[] = [];
  /** Annotations that could not be used, one line each, for the linker's log. */
  readonly problems: string[] = [];

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
      this.digest = createHash('sha256')
        .update(JSON.stringify([...this.facts].sort()))
        .digest('hex');
    }
    return this.digest;
  }

  resolve(subject: EventSubject, explicitRef?: string): LinkResult {
    if (explicitRef) return this.resolveRef(explicitRef);
    if (subject.kind === 'entity') return this.resolveRef(subject.name);
    if (subject.kind === 'kubernetes-id' || subject.kind === 'namespace') {
      return this.pods.resolve(subject);
    }
    const name =
      subject.kind === 'repository' ? subject.name.toLowerCase() : subject.name;
    const what =
      subject.kind === 'repository'
        ? `${ANNOTATIONS.githubProjectSlug}=${subject.name}`
        : `kubernetes-cluster Resource named=${subject.name}`;
    return decide(
      this.byKey.get(`${subject.kind}:${name}`) ?? [],
      subject.cluster,
      what,
    );
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
    if (this.refs.has(ref)) return;
    this.refs.add(ref);
    const annotations = entity.metadata.annotations ?? {};
    const clusters = (annotations[ANNOTATIONS.clusters] ?? '')
      .split(',')
      .map(c => c.trim())
      .filter(Boolean);
    const slug = annotations[ANNOTATIONS.githubProjectSlug];
    if (slug) this.put(`repository:${slug.toLowerCase()}`, { ref, clusters });
    let clusterName: string | undefined;
    if (
      entity.kind.toLowerCase() === 'resource' &&
      entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE
    ) {
      clusterName =
        annotations[ANNOTATIONS.clusterName] ?? entity.metadata.name;
      this.put(`cluster:${clusterName}`, { ref, clusters: [clusterName] });
    }
    const claim = this.podClaimOf(ref, clusters, annotations);
    if (claim) this.pods.add(claim);
    this.facts.push(
      JSON.stringify([
        ref,
        [...clusters].sort(),
        slug?.toLowerCase(),
        clusterName,
        claim?.kubernetesId,
        claim?.namespace,
        claim?.selector
          ? annotations[ANNOTATIONS.kubernetesLabelSelector]
          : undefined,
      ]),
    );
  }

  private podClaimOf(
    ref: string,
    clusters: string[],
    annotations: Record<string, string>,
  ): PodClaim | undefined {
    const kubernetesId = annotations[ANNOTATIONS.kubernetesId] || undefined;
    const namespace = annotations[ANNOTATIONS.kubernetesNamespace] || undefined;
    let selector: LabelRequirement[] | undefined;
    const selectorText = annotations[ANNOTATIONS.kubernetesLabelSelector];
    if (selectorText !== undefined) {
      const parsed = parseLabelSelector(selectorText);
      if (parsed.error) {
        this.problems.push(
          `${ref}: ${ANNOTATIONS.kubernetesLabelSelector} ignored: ${parsed.error}`,
        );
      } else {
        selector = parsed.requirements;
      }
    }
    if (!kubernetesId && !namespace && !selector) return undefined;
    return { ref, clusters, kubernetesId, namespace, selector };
  }

  private put(key: string, candidate: Candidate) {
    const list = this.byKey.get(key) ?? [];
    list.push(candidate);
    this.byKey.set(key, list);
  }
}
