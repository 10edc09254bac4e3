import { labelValue } from './labels';

/** What a node's labels say about its price. */
export interface NodeKind {
  instanceType: string;
  capacityType: 'on-demand' | 'spot';
}

/** The instance type a node without the well-known labels is reported as. */
export const UNKNOWN_INSTANCE_TYPE = 'unknown';

/**
 * Instance and capacity type from a node's labels, keyed in Prometheus form
 * (kube_node_labels without `label_`, or OpenCost's asset labels). Spot when
 * any provider's label says so: `karpenter.sh/capacity-type: spot`,
 * `eks.amazonaws.com/capacityType: SPOT`, `cloud.google.com/gke-spot` or
 * `cloud.google.com/gke-preemptible: "true"`,
 * `kubernetes.azure.com/scalesetpriority: spot`; otherwise on-demand (also
 * when the labels are missing: the dearer assumption).
 */
export function nodeKindFromLabels(
  labels: Record<string, string> | undefined,
): NodeKind {
  const get = (key: string) => labelValue(labels, key)?.toLowerCase();
  const spot =
    get('karpenter.sh/capacity-type') === 'spot' ||
    get('eks.amazonaws.com/capacityType') === 'spot' ||
    get('cloud.google.com/gke-spot') === 'true' ||
    get('cloud.google.com/gke-preemptible') === 'true' ||
    get('kubernetes.azure.com/scalesetpriority') === 'spot';
  return {
    instanceType:
      labelValue(labels, 'node.kubernetes.io/instance-type') ??
      labelValue(labels, 'beta.kubernetes.io/instance-type') ??
      UNKNOWN_INSTANCE_TYPE,
    capacityType: spot ? 'spot' : 'on-demand',
  };
}
