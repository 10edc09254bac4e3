import { Entity } from '@backstage/catalog-model';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';

/**
 * `services` annotated Components named svc-0 … svc-N; by default annotated
 * for GitHub and Kubernetes, as the DORA, cost and intake events link them.
 */
export function syntheticCatalog(
  services: number,
  annotations: (i: number) => Record<string, string> = i => ({
    'github.com/project-slug': `acme/svc-${i}`,
    'backstage.io/kubernetes-id': `svc-${i}`,
  }),
): Entity[] {
  return Array.from({ length: services }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: annotations(i),
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  }));
}

/** Hourly pod usage, the highest-volume event type, spread over `services`. */
export function syntheticPodUsage(
  count: number,
  services: number,
): CanonicalEventInput[] {
  const start = Date.UTC(2026, 9, 1);
  return Array.from({ length: count }, (_, i) => {
    const svc = i % services;
    const hour = new Date(
      start + Math.floor(i / services) * 3_600_000,
    ).toISOString();
    return {
      id: `bench-${i}`,
      source: 'bench-kubernetes',
      type: 'pod.usage',
      occurredAt: hour,
      subject: { kind: 'kubernetes-id', name: `svc-${svc}` },
      data: {
        cluster: 'prod-eu-west-1',
        namespace: 'bench',
        pod: `svc-${svc}-abc12`,
        podUid: `uid-${svc}`,
        container: 'app',
        node: `node-${svc % 20}`,
        controller: `svc-${svc}`,
        hourStart: hour,
        cpuRequestCores: 0.5,
        cpuUsageCores: 0.1 + (i % 7) / 100,
        memoryRequestBytes: 536_870_912,
        memoryUsageBytes: 268_435_456 + (i % 13) * 1_048_576,
        cpuCoreHourPrice: 0.031,
        memoryGibHourPrice: 0.004,
      },
    } as CanonicalEventInput;
  });
}

const DAY = 86_400_000;
const hex = (n: number) =>
  n.toString(16).padStart(12, '0').repeat(4).slice(0, 40);

/**
 * DORA history for `services` services over `days` days ending at `end`: per
 * service and day two changes, a failed run, a successful deployment shipping
 * both changes, and an incident on every 20th day — 4–6 events a day, so 500
 * services × 450 days ≈ 1,000,000 events.
 */
export function* syntheticDoraEvents(
  services: number,
  days: number,
  end: Date,
): Generator<CanonicalEventInput> {
  const start = end.getTime() - days * DAY;
  let n = 0;
  for (let day = 0; day < days; day++) {
    const t0 = start + day * DAY;
    const at = (hours: number) =>
      new Date(t0 + hours * 3_600_000).toISOString();
    for (let s = 0; s < services; s++) {
      const subject = { kind: 'repository' as const, name: `acme/svc-${s}` };
      const shas = [hex(++n), hex(++n)];
      for (const [i, sha] of shas.entries()) {
        yield {
          id: `pr-${s}-${day}-${i}`,
          source: 'bench-github',
          type: 'change.merged',
          occurredAt: at(9 + i),
          subject,
          data: {
            repository: subject.name,
            prNumber: day * 2 + i + 1,
            mergeSha: sha,
            commits: [{ sha, committedAt: at(2 + i) }],
            openedAt: at(3 + i),
            mergedAt: at(9 + i),
            additions: 10 + ((s + day) % 300),
            deletions: (s * day) % 50,
          },
        } as CanonicalEventInput;
      }
      const deployment = (
        id: string,
        status: string,
        hours: number,
        changeShas: string[],
      ) =>
        ({
          id,
          source: 'bench-deployer',
          type: 'deployment.finished',
          occurredAt: at(hours),
          subject,
          data: {
            deploymentId: id,
            environment: 'production',
            sha: shas[1],
            status,
            startedAt: at(hours - 0.2),
            finishedAt: at(hours),
            changeShas,
          },
        } as CanonicalEventInput);
      yield deployment(`run-${s}-${day}`, 'failure', 12, []);
      yield deployment(`dep-${s}-${day}`, 'success', 14, shas);
      if ((day + s) % 20 === 0) {
        const data = {
          incidentId: `inc-${s}-${day}`,
          severity: 'SEV2',
          openedAt: at(15),
          causedByDeploymentId: `dep-${s}-${day}`,
        };
        yield {
          id: `inc-${s}-${day}/opened`,
          source: 'bench-incidents',
          type: 'incident.opened',
          occurredAt: at(15),
          subject,
          data,
        } as CanonicalEventInput;
        yield {
          id: `inc-${s}-${day}/resolved`,
          source: 'bench-incidents',
          type: 'incident.resolved',
          occurredAt: at(17),
          subject,
          data: { ...data, resolvedAt: at(17) },
        } as CanonicalEventInput;
      }
    }
  }
}

const HOUR = 3_600_000;
const MIB = 1_048_576;
const GIB = 1_073_741_824;

/** The pod.usage event of one container-hour, subject as the pollers build it. */
function podUsageEvent(d: {
  kubernetesId: string;
  cluster: string;
  namespace: string;
  controller: string;
  pod: string;
  podUid: string;
  container: string;
  node: string;
  hourMs: number;
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestBytes: number;
  memoryUsageBytes: number;
}): CanonicalEventInput {
  const hourStart = new Date(d.hourMs).toISOString();
  return {
    id: [d.cluster, d.namespace, d.podUid, d.container, hourStart].join('/'),
    source: 'bench-kubernetes',
    type: 'pod.usage',
    occurredAt: new Date(d.hourMs + HOUR).toISOString(),
    subject: {
      kind: 'kubernetes-id',
      name: d.kubernetesId,
      cluster: d.cluster,
      namespace: d.namespace,
    },
    data: {
      cluster: d.cluster,
      namespace: d.namespace,
      pod: d.pod,
      podUid: d.podUid,
      container: d.container,
      node: d.node,
      controller: d.controller,
      controllerKind: 'Deployment',
      hourStart,
      cpuRequestCores: d.cpuRequestCores,
      cpuUsageCores: Math.round(d.cpuUsageCores * 1e6) / 1e6,
      memoryRequestBytes: d.memoryRequestBytes,
      memoryUsageBytes: Math.round(d.memoryUsageBytes),
    },
  } as CanonicalEventInput;
}

/** 16-core, 64 GiB nodes; every fifth one spot at 30 % of the on-demand price. */
function nodeCostEvent(
  cluster: string,
  index: number,
  hourMs: number,
): CanonicalEventInput {
  const hourStart = new Date(hourMs).toISOString();
  const spot = index % 5 === 0;
  const node = `${cluster}-node-${index}`;
  return {
    id: [cluster, node, hourStart].join('/'),
    source: 'bench-kubernetes',
    type: 'node.cost',
    occurredAt: new Date(hourMs + HOUR).toISOString(),
    subject: { kind: 'cluster', name: cluster },
    data: {
      cluster,
      node,
      instanceType: 'm5.4xlarge',
      capacityType: spot ? 'spot' : 'on-demand',
      cpuCores: 16,
      memoryBytes: 64 * GIB,
      cpuCoreHourPrice: spot ? 0.0144 : 0.048,
      memoryGibHourPrice: spot ? 0.00192 : 0.0064,
      hourStart,
    },
  } as CanonicalEventInput;
}

/** A day-shaped load factor in [0.4, 1]: busiest mid-afternoon UTC. */
const daily = (hourMs: number) =>
  0.7 +
  0.3 * Math.sin(((new Date(hourMs).getUTCHours() - 9) / 24) * 2 * Math.PI);

/**
 * One component's cost history, `days` days of hours ending at `end`: 50
 * Deployments of 5 replicas × 2 containers (app, proxy) = 500 containers on
 * 25 nodes of cluster `prod-eu-west-1` (namespace `shop`), with the nodes'
 * `node.cost`. Pods are replaced weekly (each controller at its own hour), on
 * another node. Every tenth controller's app sets no CPU request; every
 * seventh bursts above its request a few hours a day. A release a week
 * (`deployment.finished`).
 */
export function* syntheticComponentCost(
  kubernetesId: string,
  days: number,
  end: Date,
): Generator<CanonicalEventInput> {
  const cluster = 'prod-eu-west-1';
  const namespace = 'shop';
  const nodes = 25;
  const start = end.getTime() - days * DAY;
  for (let h = 0; h < days * 24; h++) {
    const hourMs = start + h * HOUR;
    const load = daily(hourMs);
    for (let c = 0; c < 50; c++) {
      const controller = `${kubernetesId}-api-${c}`;
      const week = Math.floor((h + c * 3) / 168);
      const cpuRequest = c % 10 === 0 ? 0 : 0.25 * (1 + (c % 4));
      const memoryRequest = 256 * MIB * (1 + (c % 4));
      const burst = c % 7 === 0 && h % 24 >= 18 && h % 24 < 21 ? 2.5 : 1;
      for (let r = 0; r < 5; r++) {
        const pod = `${controller}-w${week}-${r}`;
        const common = {
          kubernetesId,
          cluster,
          namespace,
          controller,
          pod,
          podUid: `uid-${pod}`,
          node: `${cluster}-node-${(c * 5 + r + week * 7) % nodes}`,
          hourMs,
        };
        yield podUsageEvent({
          ...common,
          container: 'app',
          cpuRequestCores: cpuRequest,
          cpuUsageCores:
            (cpuRequest || 0.3) * 0.45 * load * burst * (1 + (r % 3) / 10),
          memoryRequestBytes: memoryRequest,
          memoryUsageBytes: memoryRequest * (0.5 + 0.2 * load),
        });
        yield podUsageEvent({
          ...common,
          container: 'proxy',
          cpuRequestCores: 0.05,
          cpuUsageCores: 0.01 + 0.01 * load,
          memoryRequestBytes: 64 * MIB,
          memoryUsageBytes: 30 * MIB + (r % 3) * MIB,
        });
      }
    }
    for (let n = 0; n < nodes; n++) yield nodeCostEvent(cluster, n, hourMs);
    if (h > 0 && h % 168 === 0) {
      // a weekly release, for the cost-of-a-deployment comparison
      const id = `${kubernetesId}-release-${h / 168}`;
      yield {
        id,
        source: 'bench-deployer',
        type: 'deployment.finished',
        occurredAt: new Date(hourMs + 600_000).toISOString(),
        subject: { kind: 'repository', name: `acme/${kubernetesId}` },
        data: {
          deploymentId: id,
          environment: 'production',
          sha: hex(h),
          status: 'success',
          startedAt: new Date(hourMs).toISOString(),
          finishedAt: new Date(hourMs + 600_000).toISOString(),
        },
      } as CanonicalEventInput;
    }
  }
}

/**
 * The other tenants: one day (the last before `end`) of `containers`
 * containers, 50 per component (5 Deployments × 5 pods × 2 containers) named
 * `svc-1` … in `clusters` clusters (`prod-eu-west-1` first, shared with
 * `syntheticComponentCost`), 50 containers a node, with the nodes'
 * `node.cost`. Every tenth component's pods carry an id no catalog entity
 * claims (unlinked). Hour by hour, cluster by cluster, as the pollers send.
 */
export function* syntheticClusterDay(
  containers: number,
  clusters: number,
  end: Date,
): Generator<CanonicalEventInput> {
  const components = Math.ceil(containers / 50);
  const clusterName = (i: number) =>
    i === 0 ? 'prod-eu-west-1' : `prod-${String(i).padStart(2, '0')}`;
  const start = end.getTime() - DAY;
  for (let h = 0; h < 24; h++) {
    const hourMs = start + h * HOUR;
    const load = daily(hourMs);
    for (let k = 0; k < clusters; k++) {
      const cluster = clusterName(k);
      let onCluster = 0;
      for (let s = 1 + k; s <= components; s += clusters) {
        const id = s % 10 === 0 ? `unknown-${s}` : `svc-${s}`;
        const namespace = `team-${s % 100}`;
        for (let c = 0; c < 5; c++) {
          const controller = `svc-${s}-${c}`;
          const cpuRequest = 0.1 * (1 + ((s + c) % 5));
          const memoryRequest = 128 * MIB * (1 + ((s + c) % 4));
          for (let r = 0; r < 5; r++) {
            const pod = `${controller}-${r}`;
            const common = {
              kubernetesId: id,
              cluster,
              namespace,
              controller,
              pod,
              podUid: `uid-${pod}`,
              // after the component's 25 nodes on the shared cluster
              node: `${cluster}-node-${25 + Math.floor(onCluster++ / 25)}`,
              hourMs,
            };
            yield podUsageEvent({
              ...common,
              container: 'app',
              cpuRequestCores: cpuRequest,
              cpuUsageCores: cpuRequest * (0.2 + 0.5 * load),
              memoryRequestBytes: memoryRequest,
              memoryUsageBytes: memoryRequest * (0.4 + 0.3 * load),
            });
            yield podUsageEvent({
              ...common,
              container: 'proxy',
              cpuRequestCores: 0.05,
              cpuUsageCores: 0.015,
              memoryRequestBytes: 64 * MIB,
              memoryUsageBytes: 32 * MIB,
            });
          }
        }
      }
      const nodes = 25 + Math.ceil(onCluster / 25);
      for (let n = 25; n < nodes; n++) yield nodeCostEvent(cluster, n, hourMs);
    }
  }
}
