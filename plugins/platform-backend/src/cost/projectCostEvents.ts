import { CanonicalEventType } from '@goldenpath/plugin-platform-common';
import { LogEvent } from '../eventLog/EventStore';
import { DeploymentRow, NodeHourRow, SampleRow } from './CostStore';

export const COST_EVENT_TYPES: readonly CanonicalEventType[] = [
  'pod.usage',
  'node.cost',
  'deployment.finished',
];

export interface CostUpserts {
  samples: SampleRow[];
  nodes: NodeHourRow[];
  deployments: DeploymentRow[];
  /** Usage and node events for hours before `rawSince`: not projected. */
  tooOld: number;
}

const SEP = '\u0000';

/** An ISO hour start normalised to `toISOString()` (the stored shape). */
const iso = (timestamp: string) => new Date(timestamp).toISOString();

/**
 * The raw cost rows of a page of log events. Usage and node events for hours
 * before `rawSince` are left out: their raw level is gone, and rolling up an
 * hour from part of its rows would overwrite a complete one. Deployments need
 * an entity; unlinked ones wait for a relink.
 */
export function projectCostEvents(
  events: LogEvent[],
  rawSince: string,
): CostUpserts {
  const out: CostUpserts = {
    samples: [],
    nodes: [],
    deployments: [],
    tooOld: 0,
  };
  for (const { seq, entityRef, event } of events) {
    if (event.type === 'pod.usage' || event.type === 'node.cost') {
      const hourStart = iso(event.data.hourStart);
      if (hourStart < rawSince) {
        out.tooOld += 1;
        continue;
      }
      if (event.type === 'pod.usage') {
        const d = event.data;
        out.samples.push({
          cluster: d.cluster,
          namespace: d.namespace,
          podUid: d.podUid,
          container: d.container,
          hourStart,
          entityRef,
          controllerKind: d.controllerKind,
          controller: d.controller,
          pod: d.pod,
          node: d.node,
          cpuRequestCores: d.cpuRequestCores,
          cpuUsageCores: d.cpuUsageCores,
          memoryRequestBytes: d.memoryRequestBytes,
          memoryUsageBytes: d.memoryUsageBytes,
          cpuCoreHourPrice: d.cpuCoreHourPrice ?? null,
          memoryGibHourPrice: d.memoryGibHourPrice ?? null,
          seq,
        });
      } else {
        const d = event.data;
        out.nodes.push({
          cluster: d.cluster,
          node: d.node,
          hourStart,
          entityRef,
          instanceType: d.instanceType,
          capacityType: d.capacityType,
          cpuCores: d.cpuCores,
          memoryBytes: d.memoryBytes,
          cpuCoreHourPrice: d.cpuCoreHourPrice,
          memoryGibHourPrice: d.memoryGibHourPrice,
          seq,
        });
      }
    } else if (event.type === 'deployment.finished' && entityRef) {
      out.deployments.push({
        entityRef,
        source: event.source,
        deploymentId: event.data.deploymentId,
        environment: event.data.environment.toLowerCase(),
        status: event.data.status,
        finishedAt: iso(event.data.finishedAt),
      });
    }
  }
  // one row per natural key, the latest in the log winning, so one
  // multi-row upsert never touches a row twice
  out.samples = lastByKey(out.samples, s =>
    [s.cluster, s.namespace, s.podUid, s.container, s.hourStart].join(SEP),
  );
  out.nodes = lastByKey(out.nodes, n =>
    [n.cluster, n.node, n.hourStart].join(SEP),
  );
  out.deployments = lastByKey(out.deployments, d =>
    [d.entityRef, d.source, d.deploymentId].join(SEP),
  );
  return out;
}

function lastByKey<T>(rows: T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return [...byKey.values()];
}
