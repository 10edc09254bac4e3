import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { ClusterPlan, nodeNameAt } from './nodes';
import { POD_USAGE_SOURCE } from './podUsage';
import { HOUR_MS, iso } from './time';

/**
 * One `node.cost` event per node of each plan and hour, for the hours whose
 * end (occurredAt, as for `pod.usage`) is in [fromMs, toMs). The id is
 * `cluster/node/hourStart`, so a resend is a duplicate; the subject is the
 * cluster, so the event links to its `kubernetes-cluster` Resource.
 */
export function generateNodeCostEvents(
  seed: string,
  plans: Iterable<ClusterPlan>,
  fromMs: number,
  toMs: number,
): CanonicalEventInput[] {
  const events: CanonicalEventInput[] = [];
  const firstHour = Math.ceil(fromMs / HOUR_MS) - 1;
  for (const plan of plans) {
    for (let hour = firstHour; (hour + 1) * HOUR_MS < toMs; hour++) {
      const hourStartMs = hour * HOUR_MS;
      const occurredAtMs = hourStartMs + HOUR_MS;
      for (const node of plan.nodes) {
        const name = nodeNameAt(seed, node, hour);
        events.push({
          id: `${plan.cluster}/${name}/${iso(hourStartMs)}`,
          source: POD_USAGE_SOURCE,
          type: 'node.cost',
          occurredAt: iso(occurredAtMs),
          subject: { kind: 'cluster', name: plan.cluster },
          data: {
            cluster: plan.cluster,
            node: name,
            instanceType: node.instanceType,
            capacityType: node.capacityType,
            cpuCores: node.cpuCores,
            memoryBytes: node.memoryBytes,
            ...node.prices,
            hourStart: iso(hourStartMs),
          },
        });
      }
    }
  }
  return events;
}
