import {
  CanonicalEventInput,
  podSubject,
} from '@goldenpath/plugin-platform-common';
import { controllerKindFor, labelStyleFor, podLabels } from './labels';
import { ClusterPlan, DemoWorkload, nodeGeneration, nodeNameAt } from './nodes';
import { ResourceProfile } from './profiles';
import { Random, hashString } from './random';
import { HOUR_MS, daysOverlapping, dayStartMs, iso, isWeekend } from './time';

export const POD_USAGE_SOURCE = 'demo-kubernetes';

export interface PodUsageService {
  kubernetesId: string;
  namespace: string;
  clusters: string[];
  /** The entity's `backstage.io/kubernetes-label-selector`, which its pods match. */
  labelSelector?: string;
}

interface Pod {
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** How this pod's load differs from its siblings'. */
  share: number;
}

const MIB = 1024 * 1024;
const HOURS_PER_WEEK = 168;
const SIDECAR = { cpuRequestCores: 0.1, memoryRequestBytes: 128 * MIB };

/**
 * How far a busy hour's CPU usage exceeds the mean, for sizing nodes: the
 * busiest hour of the day (1.45), the busiest pod (1.15) and the 95th
 * percentile of the hourly noise (1.645 standard deviations).
 */
const BUSIEST = 1.45 * 1.15 * Math.exp(0.12 * 1.645);

/** What one pod of a service requests, for planning its cluster's nodes. */
export function workloadOf(
  key: string,
  resources: ResourceProfile,
): DemoWorkload {
  return {
    key,
    replicas: resources.replicas,
    cpuCores:
      resources.cpuRequestCores +
      (resources.sidecar ? SIDECAR.cpuRequestCores : 0),
    memoryBytes:
      resources.memoryRequestBytes +
      (resources.sidecar ? SIDECAR.memoryRequestBytes : 0),
    peakCpuCores:
      resources.cpuRequestCores * resources.cpuUtilisation * BUSIEST +
      (resources.sidecar ? SIDECAR.cpuRequestCores * 0.3 * BUSIEST : 0),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Busier in the European afternoon, quieter at night and at weekends. */
function loadFactor(day: number, hour: number): number {
  const cycle = 1 + 0.45 * Math.cos((2 * Math.PI * (hour - 14)) / 24);
  return isWeekend(day) ? cycle * 0.8 : cycle;
}

/**
 * Hourly usage of every container of a service's pods, in each of its clusters,
 * for the samples whose occurredAt (the end of the hour) is in [fromMs, toMs).
 * Each replica runs on the node its cluster's plan gives it. Pods are replaced
 * once a week, at an hour that differs per service and cluster (a rollout: a
 * new template hash), and when their spot node is reclaimed (a new pod of the
 * same template).
 */
export function generatePodUsageEvents(
  seed: string,
  key: string,
  service: PodUsageService,
  resources: ResourceProfile,
  plans: ReadonlyMap<string, ClusterPlan>,
  fromMs: number,
  toMs: number,
): CanonicalEventInput[] {
  const events: CanonicalEventInput[] = [];
  const controllerKind = controllerKindFor(service.kubernetesId);
  const style = labelStyleFor(service.kubernetesId);
  for (const cluster of service.clusters) {
    const plan = plans.get(cluster);
    if (!plan) throw new Error(`no node plan for cluster ${cluster}`);
    const weekOffset =
      hashString(`${seed}|${key}|${cluster}|week`) % HOURS_PER_WEEK;
    const pods = new Map<string, Pod>();
    const podAt = (week: number, replica: number, generation: number): Pod => {
      const id = `${week}|${replica}|${generation}`;
      let pod = pods.get(id);
      if (!pod) {
        const templateHash = Random.of(
          seed,
          key,
          cluster,
          'pods',
          week,
        ).kubeSuffix(10);
        const rng = Random.of(
          seed,
          key,
          cluster,
          'pod',
          week,
          replica,
          generation,
        );
        const name =
          controllerKind === 'StatefulSet'
            ? `${service.kubernetesId}-${replica}`
            : `${service.kubernetesId}-${templateHash}-${rng.kubeSuffix(5)}`;
        pod = {
          name,
          uid: rng.uuid(),
          share: rng.between(0.85, 1.15),
          labels: podLabels({
            kubernetesId: service.kubernetesId,
            style,
            controllerKind,
            templateHash,
            podName: name,
            labelSelector: service.labelSelector,
          }),
        };
        pods.set(id, pod);
      }
      return pod;
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

        for (let replica = 0; replica < resources.replicas; replica++) {
          const node = plan.nodeOf(key, replica);
          const pod = podAt(
            week,
            replica,
            nodeGeneration(seed, node, hourNumber),
          );
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
          const nodeName = nodeNameAt(seed, node, hourNumber);
          const subject = podSubject({
            cluster,
            namespace: service.namespace,
            labels: pod.labels,
          });
          for (const usage of containers) {
            events.push({
              id: `${cluster}/${service.namespace}/${pod.name}/${
                usage.container
              }/${iso(hourStartMs).slice(0, 13)}`,
              source: POD_USAGE_SOURCE,
              type: 'pod.usage',
              occurredAt: iso(occurredAtMs),
              subject,
              data: {
                cluster,
                namespace: service.namespace,
                pod: pod.name,
                podUid: pod.uid,
                container: usage.container,
                node: nodeName,
                controller: service.kubernetesId,
                controllerKind,
                hourStart: iso(hourStartMs),
                cpuRequestCores: usage.cpuRequestCores,
                cpuUsageCores: round(usage.cpuUsageCores, 4),
                memoryRequestBytes: usage.memoryRequestBytes,
                memoryUsageBytes: Math.round(usage.memoryUsageBytes),
                ...node.prices,
              },
            });
          }
        }
      }
    }
  }
  return events;
}
