import { ANNOTATIONS, EventSubject } from '@goldenpath/plugin-platform-common';
import { LabelRequirement, matchesLabels } from './labelSelector';
import { Candidate, decide, LinkResult } from './decide';

/** Which pods an entity says are its own, from its Kubernetes annotations. */
export interface PodClaim extends Candidate {
  kubernetesId?: string;
  /** `backstage.io/kubernetes-namespace`: restricts the id and the selector to it. */
  namespace?: string;
  /** A parsed `backstage.io/kubernetes-label-selector`. */
  selector?: LabelRequirement[];
}

const SELECTOR = ANNOTATIONS.kubernetesLabelSelector;
const ID = ANNOTATIONS.kubernetesId;
const NAMESPACE = ANNOTATIONS.kubernetesNamespace;

/**
 * Resolves `kubernetes-id` and `namespace` subjects in three tiers; the first
 * tier with a candidate decides (docs/linking.md):
 *
 * 1. label selector: entities whose selector the subject's labels satisfy;
 * 2. kubernetes-id: entities with that id and no selector (on an entity the
 *    selector replaces the id, as in the Backstage Kubernetes plugin), unless
 *    the subject has no labels to test a selector with;
 * 3. namespace: entities with that namespace annotation and neither an id nor
 *    a selector (they claim the whole namespace). A `namespace` subject without
 *    labels (an event about the namespace, not a pod) also matches the others.
 *
 * In tiers 1 and 2 an entity's namespace annotation, when set, must equal the
 * subject's namespace (when the subject has one).
 */
export class PodClaims {
  /** Selectors by each `key=value` of their first `in` requirement; the rest are scanned. */
  private readonly selectorsByLabel = new Map<string, PodClaim[]>();
  private readonly selectorsToScan: PodClaim[] = [];
  private readonly byId = new Map<string, PodClaim[]>();
  private readonly byNamespace = new Map<string, PodClaim[]>();

  add(claim: PodClaim) {
    if (claim.selector) {
      const first = claim.selector.find(r => r.op === 'in');
      if (first && 'values' in first) {
        for (const value of new Set(first.values)) {
          push(this.selectorsByLabel, labelKey(first.key, value), claim);
        }
      } else {
        this.selectorsToScan.push(claim);
      }
    }
    if (claim.kubernetesId) push(this.byId, claim.kubernetesId, claim);
    if (claim.namespace) push(this.byNamespace, claim.namespace, claim);
  }

  resolve(subject: EventSubject): LinkResult {
    const { labels, cluster } = subject;
    const namespace =
      subject.namespace ??
      (subject.kind === 'namespace' ? subject.name : undefined);
    const inNamespace = (claim: PodClaim) =>
      !claim.namespace || !namespace || claim.namespace === namespace;
    const where = namespace ? ` in namespace ${namespace}` : '';

    if (labels) {
      const matching = this.selectorsFor(labels).filter(
        c => inNamespace(c) && matchesLabels(c.selector!, labels),
      );
      if (matching.length > 0) {
        return decide(
          matching,
          cluster,
          `a ${SELECTOR} matching the pod's labels${where}`,
        );
      }
    }
    if (subject.kind === 'kubernetes-id') {
      const byId = (this.byId.get(subject.name) ?? []).filter(
        c => inNamespace(c) && !(labels && c.selector),
      );
      if (byId.length > 0) {
        return decide(byId, cluster, `${ID}=${subject.name}${where}`);
      }
    }
    const aboutNamespace = subject.kind === 'namespace' && !labels;
    const byNamespace = namespace
      ? (this.byNamespace.get(namespace) ?? []).filter(
          c => aboutNamespace || (!c.kubernetesId && !c.selector),
        )
      : [];
    if (byNamespace.length > 0) {
      const what = aboutNamespace
        ? `${NAMESPACE}=${namespace}`
        : `${NAMESPACE}=${namespace} and neither ${ID} nor ${SELECTOR}`;
      return decide(byNamespace, cluster, what);
    }
    return {
      reason: `no catalog entity has ${this.tried(subject, namespace)}`,
    };
  }

  private selectorsFor(labels: Record<string, string>): PodClaim[] {
    const found = new Set(this.selectorsToScan);
    for (const [key, value] of Object.entries(labels)) {
      for (const claim of this.selectorsByLabel.get(labelKey(key, value)) ??
        []) {
        found.add(claim);
      }
    }
    return [...found];
  }

  /** What was looked for, tier by tier, for the reason of an unlinked event. */
  private tried(subject: EventSubject, namespace?: string): string {
    const tried: string[] = [];
    if (subject.labels) tried.push(`a ${SELECTOR} matching the pod's labels`);
    if (subject.kind === 'kubernetes-id') {
      tried.push(
        `${ID}=${subject.name}${namespace ? ` (namespace ${namespace})` : ''}`,
      );
    }
    if (namespace) {
      tried.push(
        subject.kind === 'namespace' && !subject.labels
          ? `${NAMESPACE}=${namespace}`
          : `${NAMESPACE}=${namespace} alone`,
      );
    }
    return tried.length > 1
      ? `${tried.slice(0, -1).join(', ')} or ${tried[tried.length - 1]}`
      : tried.join('');
  }
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function push(map: Map<string, PodClaim[]>, key: string, claim: PodClaim) {
  const list = map.get(key) ?? [];
  list.push(claim);
  map.set(key, list);
}
