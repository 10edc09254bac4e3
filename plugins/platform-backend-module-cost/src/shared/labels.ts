/**
 * Label keys restored from their Prometheus form. kube-state-metrics exposes a
 * pod label `app.kubernetes.io/name` as `label_app_kubernetes_io_name` (and
 * OpenCost passes that name on without `label_`); the mapping cannot be undone
 * in general, so the keys that link pods to components are restored by name.
 */
export const WELL_KNOWN_LABEL_KEYS = [
  'backstage.io/kubernetes-id',
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/version',
  'pod-template-hash',
] as const;

/**
 * The name kube-state-metrics (v2) gives a Kubernetes label key, without its
 * `label_` prefix: characters other than `[a-zA-Z0-9_]` become `_`, then
 * camelCase becomes snake_case (`eks.amazonaws.com/capacityType` →
 * `eks_amazonaws_com_capacity_type`).
 */
export function prometheusLabelName(key: string): string {
  return key
    .replace(/[^a-zA-Z0-9_]/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

const RESTORED = new Map<string, string>(
  WELL_KNOWN_LABEL_KEYS.map(key => [prometheusLabelName(key), key]),
);

/**
 * Labels with their Prometheus-form keys turned back into Kubernetes keys
 * where known ({@link WELL_KNOWN_LABEL_KEYS}); other keys are kept as they
 * came (`app`, `team` and other plain keys are unchanged by the mapping).
 */
export function restoreLabelKeys(
  labels: Record<string, string>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    result[RESTORED.get(key) ?? key] = value;
  }
  return result;
}

/**
 * The `label_*` entries of a Prometheus series (kube_pod_labels,
 * kube_node_labels) without the prefix; empty values (a label the object does
 * not have) are dropped.
 */
export function seriesLabels(
  metric: Record<string, string>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(metric)) {
    if (key.startsWith('label_') && value !== '') {
      result[key.slice('label_'.length)] = value;
    }
  }
  return result;
}

/** A label by its Kubernetes key in labels whose keys are in Prometheus form. */
export function labelValue(
  labels: Record<string, string> | undefined,
  key: string,
): string | undefined {
  return labels?.[prometheusLabelName(key)] || undefined;
}
