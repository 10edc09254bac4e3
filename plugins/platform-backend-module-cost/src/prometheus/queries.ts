/**
 * The PromQL the Prometheus poller runs, each evaluated at every hour's end
 * (a range query with a one-hour step) over the hour before it. Gauges are
 * averaged over the whole hour on a one-minute grid
 * (`sum_over_time(x[59m59s:1m]) / 60`), so a container or node present for
 * half the hour counts half, as OpenCost counts it. The range is a second
 * short of an hour so it holds exactly 60 grid points whether range selectors
 * include their start (Prometheus 2) or not (Prometheus 3). CPU usage is
 * `rate(…[1h])`, CPU-seconds used in the hour ÷ 3600.
 *
 * Metrics: kube-state-metrics v2 (kube_pod_container_resource_requests,
 * kube_pod_info, kube_pod_labels, kube_node_labels, kube_node_status_capacity)
 * and the kubelet's cAdvisor (container_cpu_usage_seconds_total,
 * container_memory_working_set_bytes).
 */
export type QueryName =
  | 'cpuRequest'
  | 'memoryRequest'
  | 'cpuUsage'
  | 'memoryUsage'
  | 'podInfo'
  | 'podLabels'
  | 'nodeLabels'
  | 'nodeCapacity';

/** Matchers inside a selector's braces, with the cluster's own appended. */
function matchers(own: string, selector?: string): string {
  return `{${[own, selector].filter(Boolean).join(',')}}`;
}

/** cAdvisor's per-container series (not the pod's or the pause container's). */
const CONTAINERS = 'container!="",container!="POD",image!=""';

export function buildQueries(selector?: string): Record<QueryName, string> {
  const m = (own: string) => matchers(own, selector);
  const hourAverage = (metric: string, own: string, by: string, agg: string) =>
    `${agg} by (${by}) (sum_over_time(${metric}${m(own)}[59m59s:1m])) / 60`;
  return {
    cpuRequest: hourAverage(
      'kube_pod_container_resource_requests',
      'resource="cpu"',
      'namespace, pod, container',
      'max',
    ),
    memoryRequest: hourAverage(
      'kube_pod_container_resource_requests',
      'resource="memory"',
      'namespace, pod, container',
      'max',
    ),
    cpuUsage: `sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total${m(
      CONTAINERS,
    )}[1h]))`,
    memoryUsage: hourAverage(
      'container_memory_working_set_bytes',
      CONTAINERS,
      'namespace, pod, container',
      'sum',
    ),
    podInfo: `max by (namespace, pod, uid, node, created_by_kind, created_by_name) (max_over_time(kube_pod_info${m(
      'node!=""',
    )}[1h]))`,
    podLabels: `max_over_time(kube_pod_labels${m('')}[1h])`,
    nodeLabels: `max_over_time(kube_node_labels${m('')}[1h])`,
    nodeCapacity: hourAverage(
      'kube_node_status_capacity',
      'resource=~"cpu|memory"',
      'node, resource',
      'max',
    ),
  };
}
