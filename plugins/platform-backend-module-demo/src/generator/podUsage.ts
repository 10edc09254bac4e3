import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { ResourceProfile } from './profiles';
import { Random, hashString } from './random';
import { HOUR_MS, daysOverlapping, dayStartMs, iso, isWeekend } from './time';

export const POD_USAGE_SOURCE = 'demo-kubernetes';

export interface PodUsageService {
  kubernetesId: string;
  namespace: string;
  clusters: string[];
}

interface Pod {
  name: string;
  uid: string;
  node: string;
  /** How this pod's load differs from its siblings'. */
  share: number;
}

const MIB = 1024 * 1024;
const HOURS_PER_WEEK = 168;
const SIDECAR = { cpuRequestCores: 0.1, memoryRequestBytes: 128 * MIB };

/** Node prices differ a little between clusters (region, instance mix). */
export function clusterPrices(cluster: string) {
  const h = hashString(`prices|${cluster}`);
  const cpuFactor = 0.93 + ((h & 0xffff) / 0xffff) * 0.14;
  const memoryFactor = 0.93 + ((h >>> 16) / 0xffff) * 0.14;
  return {
    cpuCoreHourPrice: round(0.031 * cpuFactor, 5),
    memoryGibHourPrice: round(0.0042 * memoryFactor, 6),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function nodeName(seed: string, cluster: string, index: number): string {
  const rng = Random.of(seed, cluster, 'node', index);
  const region = /[a-z]{2}-[a-z]+-\d/.exec(cluster)?.[0];
  if (!region) return `${cluster}-node-${rng.kubeSuffix(5)}`;
  const octets = [rng.int(16, 31), rng.int(0, 255), rng.int(1, 254)];
  return `ip-10-${octets.join('-')}.${region}.compute.internal`;
}

/** Busier in the European afternoon, quieter at night and at weekends. */
function loadFactor(day: number, hour: number): number {
  const cycle = 1 + 0.45 * Math.cos((2 * Math.PI * (hour - 14)) / 24);
  return isWeekend(day) ? cycle * 0.8 : cycle;
}

/**
 * Hourly usage of every container of a service's pods, in each of its clusters,
 * for the samples whose occurredAt (the end of the hour) is in [fromMs, toMs).
 * Pods are replaced once a week, at an hour that differs per service and cluster.
 */
export function generatePodUsageEvents(
  seed: string,
  key: string,
  service: PodUsageService,
  resources: ResourceProfile,
  fromMs: number,
  toMs: number,
): CanonicalEventInput[] {
  const events: CanonicalEventInput[] = [];
  for (const cluster of service.clusters) {
    const prices = clusterPrices(cluster);
    const weekOffset =
      hashString(`${seed}|${key}|${cluster}|week`) % HOURS_PER_WEEK;
    const pods = new Map<number, Pod[]>();
    const podsOfWeek = (week: number): Pod[] => {
      let result = pods.get(week);
      if (!result) {
        const rng = Random.of(seed, key, cluster, 'pods', week);
        const templateHash = rng.kubeSuffix(10);
        result = [];
        for (let i = 0; i < resources.replicas; i++) {
          result.push({
            name: `${service.kubernetesId}-${templateHash}-${rng.kubeSuffix(
              5,
            )}`,
            uid: rng.uuid(),
            node: nodeName(seed, cluster, rng.int(0, 7)),
            share: rng.between(0.85, 1.15),
          });
        }
        pods.set(week, result);
      }
      return result;
    };

    for (const day of daysOverlapping(fromMs - HOUR_MS, toMs)) {
      // One stream per day, consumed in the same order whatever the window.
      const rng = Random.of(seed, key, cluster, day, 'pod-usage');
      for (let hour = 0; hour < 24; hour++) {
        const hourStartMs = dayStartMs(day) + hour * HOUR_MS;
        const hourNumber = hourStartMs / HOUR_MS;
        const week = Math.floor((hourNumber + weekOffset) / HOURS_PER_WEEK);
        const age =
          ((hourNumber + weekOffset) % HOURS_PER_WEEK) / HOURS_PER_WEEK;
        const load = loadFactor(day, hour);
        const occurredAtMs = hourStartMs + HOUR_MS;
        const emit = occurredAtMs >= fromMs && occurredAtMs < toMs;

        for (const pod of podsOfWeek(week)) {
          const cpuNoise = Math.exp(0.12 * rng.normal());
          const memoryNoise = Math.exp(0.03 * rng.normal());
          const containers = [
            {
              container: 'app',
              cpuRequestCores: resources.cpuRequestCores,
              memoryRequestBytes: resources.memoryRequestBytes,
              cpuUsageCores:
                resources.cpuRequestCores *
                resources.cpuUtilisation *
                load *
                pod.share *
                cpuNoise,
              // Memory creeps up over a pod's life and drops when it is replaced.
              memoryUsageBytes:
                resources.memoryRequestBytes *
                resources.memoryUtilisation *
                (0.85 + 0.25 * age) *
                memoryNoise,
            },
          ];
          if (resources.sidecar) {
            containers.push({
              container: 'sidecar',
              ...SIDECAR,
              cpuUsageCores: SIDECAR.cpuRequestCores * 0.3 * load * cpuNoise,
              memoryUsageBytes: SIDECAR.memoryRequestBytes * 0.55 * memoryNoise,
            });
          }
          if (!emit) continue;
          for (const usage of containers) {
            events.push({
              id: `${cluster}/${service.namespace}/${pod.name}/${
                usage.container
              }/${iso(hourStartMs).slice(0, 13)}`,
              source: POD_USAGE_SOURCE,
              type: 'pod.usage',
              occurredAt: iso(occurredAtMs),
              subject: { kind: 'kubernetes-id', name: service.kubernetesId },
              data: {
                cluster,
                namespace: service.namespace,
                pod: pod.name,
                podUid: pod.uid,
                container: usage.container,
                node: pod.node,
                controller: service.kubernetesId,
                hourStart: iso(hourStartMs),
                cpuRequestCores: usage.cpuRequestCores,
                cpuUsageCores: round(usage.cpuUsageCores, 4),
                memoryRequestBytes: usage.memoryRequestBytes,
                memoryUsageBytes: Math.round(usage.memoryUsageBytes),
                ...prices,
              },
            });
          }
        }
      }
    }
  }
  return events;
}
