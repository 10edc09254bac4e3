import {
  CanonicalEventInput,
  HOUR_MS,
  podSubject,
} from '@goldenpath/plugin-platform-common';
import { PodController } from './controller';
import { eventId, hourKey, podUidOrName } from './eventIds';

/** One container during one hour, as both pollers read it. */
export interface ContainerHour {
  cluster: string;
  namespace: string;
  pod: string;
  podUid?: string;
  container: string;
  node: string;
  controller: PodController;
  /** Kubernetes label keys (restored from the Prometheus form where known). */
  labels: Record<string, string>;
  hourStartMs: number;
  /** Averages over the whole hour (time the container did not run counts 0). */
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestBytes: number;
  memoryUsageBytes: number;
}

/** Cores to a millionth of a core, so re-polls of an hour compare equal. */
export function roundCores(cores: number): number {
  return Math.round(Math.max(0, cores) * 1e6) / 1e6;
}

export function roundBytes(bytes: number): number {
  return Math.round(Math.max(0, bytes));
}

/**
 * The `pod.usage` event of a container-hour. Its id is
 * `<cluster>/<namespace>/<pod UID or name>/<container>/<UTC hour>`, so a
 * re-poll sends the same id; `occurredAt` is the end of the hour.
 */
export function podUsageEvent(
  source: string,
  hour: ContainerHour,
): CanonicalEventInput {
  const podUid = podUidOrName(hour.podUid, hour.pod);
  return {
    id: eventId([
      hour.cluster,
      hour.namespace,
      podUid,
      hour.container,
      hourKey(hour.hourStartMs),
    ]),
    source,
    type: 'pod.usage',
    occurredAt: new Date(hour.hourStartMs + HOUR_MS).toISOString(),
    subject: podSubject({
      cluster: hour.cluster,
      namespace: hour.namespace,
      labels: hour.labels,
    }),
    data: {
      cluster: hour.cluster,
      namespace: hour.namespace,
      pod: hour.pod,
      podUid,
      container: hour.container,
      node: hour.node,
      controller: hour.controller.name,
      controllerKind: hour.controller.kind,
      hourStart: new Date(hour.hourStartMs).toISOString(),
      cpuRequestCores: roundCores(hour.cpuRequestCores),
      cpuUsageCores: roundCores(hour.cpuUsageCores),
      memoryRequestBytes: roundBytes(hour.memoryRequestBytes),
      memoryUsageBytes: roundBytes(hour.memoryUsageBytes),
    },
  };
}
