import { POD_LABELS } from '../annotations';
import { EventSubject } from './envelope';
import { EVENT_LIMITS as L } from './fields';
import {
  isKubernetesLabelKey,
  isKubernetesLabelValue,
} from './kubernetesLabels';

/** @public */
export interface PodSubjectInput {
  cluster: string;
  namespace: string;
  /** The pod's labels as Kubernetes reports them. */
  labels?: Record<string, string | undefined>;
}

/**
 * The subject of an event about a pod (`pod.usage`), built the same way by
 * every producer so the linker can match it (docs/linking.md):
 *
 * - `kubernetes-id` named by the pod's `backstage.io/kubernetes-id` label,
 *   else its `app.kubernetes.io/name` label;
 * - else `namespace` named by the pod's namespace;
 *
 * always with the cluster, the namespace and the labels, so an entity's
 * `backstage.io/kubernetes-label-selector` can be matched. Labels that
 * Kubernetes would refuse are left out (a producer that sanitised them, as
 * Prometheus does, must not have the event rejected for it); beyond 64, the
 * two naming labels and then the first keys in sorted order are kept. Keys
 * come out sorted, so two sends of one pod-hour compare equal.
 *
 * @public
 */
export function podSubject(input: PodSubjectInput): EventSubject {
  const labels = boundedLabels(input.labels ?? {});
  const id =
    nonEmpty(labels[POD_LABELS.kubernetesId]) ??
    nonEmpty(labels[POD_LABELS.appName]);
  const where = {
    cluster: input.cluster.trim(),
    namespace: input.namespace.trim(),
    labels,
  };
  return id
    ? { kind: 'kubernetes-id', name: id, ...where }
    : { kind: 'namespace', name: where.namespace, ...where };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

function boundedLabels(
  labels: Record<string, string | undefined>,
): Record<string, string> {
  const valid = Object.keys(labels)
    .filter(key => {
      const value = labels[key];
      return (
        typeof value === 'string' &&
        isKubernetesLabelKey(key) &&
        isKubernetesLabelValue(value)
      );
    })
    .sort();
  const naming: string[] = Object.values(POD_LABELS);
  const kept = [
    ...valid.filter(key => naming.includes(key)),
    ...valid.filter(key => !naming.includes(key)),
  ]
    .slice(0, L.subjectLabels)
    .sort();
  const result: Record<string, string> = {};
  for (const key of kept) result[key] = labels[key]!;
  return result;
}
