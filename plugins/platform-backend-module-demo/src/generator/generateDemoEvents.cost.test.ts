import {
  CanonicalEventInput,
  resolveNodePrice,
} from '@goldenpath/plugin-platform-common';
import { demoCatalog, demoServices } from '../__testUtils__/demoCatalog';
import { generateDemoEvents } from './generateDemoEvents';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const GIB = 2 ** 30;
const d0 = Date.UTC(2026, 8, 1);
const day = (n: number) => new Date(d0 + n * DAY);

/** 30 days of telemetry for the example catalog. */
const events = generateDemoEvents({
  catalog: demoCatalog,
  delivery: { from: day(0), to: day(0) },
  telemetry: { from: day(0), to: day(30) },
});

function ofType<T extends CanonicalEventInput['type']>(type: T) {
  return events.filter(
    (e): e is Extract<CanonicalEventInput, { type: T }> => e.type === type,
  );
}

const usage = ofType('pod.usage');
const nodes = ofType('node.cost');
const nodeHour = (d: { cluster: string; node: string; hourStart: string }) =>
  `${d.cluster}|${d.node}|${new Date(d.hourStart).toISOString()}`;
const nodeByHour = new Map(nodes.map(e => [nodeHour(e.data), e]));
const clusters = ['prod-eu-west-1', 'prod-us-east-1'];

/** Sums of one resource per node-hour over the pods on it. */
function perNodeHour(value: (e: (typeof usage)[number]) => number) {
  const sums = new Map<string, number>();
  for (const e of usage) {
    const key = nodeHour(e.data);
    sums.set(key, (sums.get(key) ?? 0) + value(e));
  }
  return sums;
}

describe('generateDemoEvents: node costs', () => {
  it('prices every node-hour a pod runs on, with the prices the pod carries', () => {
    expect(usage.length).toBeGreaterThan(10_000);
    const unpriced = usage.filter(e => !nodeByHour.has(nodeHour(e.data)));
    expect(unpriced.slice(0, 3)).toEqual([]);
    const disagreeing = usage.filter(e => {
      const node = nodeByHour.get(nodeHour(e.data))!.data;
      return (
        e.data.cpuCoreHourPrice !== node.cpuCoreHourPrice ||
        e.data.memoryGibHourPrice !== node.memoryGibHourPrice
      );
    });
    expect(disagreeing.slice(0, 3)).toEqual([]);
  });

  it('sends one node.cost per node of every cluster and every hour, each node hosting pods', () => {
    const hostedPods = perNodeHour(() => 1);
    for (const cluster of clusters) {
      const ofCluster = nodes.filter(e => e.data.cluster === cluster);
      const perHour = new Map<string, number>();
      for (const e of ofCluster) {
        perHour.set(e.data.hourStart, (perHour.get(e.data.hourStart) ?? 0) + 1);
      }
      expect(perHour.size).toBe(30 * 24);
      const poolSizes = new Set(perHour.values());
      expect(poolSizes.size).toBe(1);
      expect([...poolSizes][0]).toBeGreaterThanOrEqual(3);
    }
    expect(nodeByHour.size).toBe(nodes.length);
    expect(nodes.filter(e => !hostedPods.has(nodeHour(e.data)))).toEqual([]);
    for (const e of nodes) {
      expect(e.id).toBe(
        `${e.data.cluster}/${e.data.node}/${new Date(
          e.data.hourStart,
        ).toISOString()}`,
      );
      expect(e.subject).toEqual({ kind: 'cluster', name: e.data.cluster });
      expect(Date.parse(e.occurredAt)).toBe(
        Date.parse(e.data.hourStart) + HOUR,
      );
    }
  });

  it('sizes every node above what its pods request and use', () => {
    const cpuRequested = perNodeHour(e => e.data.cpuRequestCores);
    const cpuUsed = perNodeHour(e => e.data.cpuUsageCores);
    const memoryRequested = perNodeHour(e => e.data.memoryRequestBytes);
    const memoryUsed = perNodeHour(e => e.data.memoryUsageBytes);
    const overfull = nodes.filter(({ data }) => {
      const key = nodeHour(data);
      return (
        cpuRequested.get(key)! >= data.cpuCores ||
        cpuUsed.get(key)! >= data.cpuCores ||
        memoryRequested.get(key)! >= data.memoryBytes ||
        memoryUsed.get(key)! >= data.memoryBytes
      );
    });
    expect(overfull).toEqual([]);
  });

  it('leaves 30–50 % of each cluster idle: node cost minus what the pods are billed', () => {
    for (const cluster of clusters) {
      let nodeCost = 0;
      let billed = 0;
      for (const { data } of nodes.filter(e => e.data.cluster === cluster)) {
        nodeCost +=
          data.cpuCores * data.cpuCoreHourPrice +
          (data.memoryBytes / GIB) * data.memoryGibHourPrice;
      }
      for (const { data } of usage.filter(e => e.data.cluster === cluster)) {
        const node = nodeByHour.get(nodeHour(data))!.data;
        billed +=
          Math.max(data.cpuRequestCores, data.cpuUsageCores) *
            node.cpuCoreHourPrice +
          (Math.max(data.memoryRequestBytes, data.memoryUsageBytes) / GIB) *
            node.memoryGibHourPrice;
      }
      const idle = 1 - billed / nodeCost;
      expect(idle).toBeGreaterThan(0.3);
      expect(idle).toBeLessThan(0.5);
    }
  });

  it('runs spot and on-demand nodes in every cluster; spot is cheaper and replaced every few days', () => {
    for (const cluster of clusters) {
      const ofCluster = nodes.filter(e => e.data.cluster === cluster);
      const spot = ofCluster.filter(e => e.data.capacityType === 'spot');
      const onDemand = ofCluster.filter(
        e => e.data.capacityType === 'on-demand',
      );
      expect(spot.length).toBeGreaterThan(0);
      expect(onDemand.length).toBeGreaterThan(spot.length);
      const maxSpot = Math.max(...spot.map(e => e.data.cpuCoreHourPrice));
      const minOnDemand = Math.min(
        ...onDemand.map(e => e.data.cpuCoreHourPrice),
      );
      expect(maxSpot).toBeLessThan(minOnDemand * 0.5);
      // on-demand nodes live all month; a spot node gives way to another
      const positions = (xs: typeof nodes) => xs.length / (30 * 24);
      expect(new Set(onDemand.map(e => e.data.node)).size).toBe(
        positions(onDemand),
      );
      expect(new Set(spot.map(e => e.data.node)).size).toBeGreaterThanOrEqual(
        positions(spot) * 9,
      );
    }
  });

  it('prices nodes from the default table, a little differently per cluster', () => {
    for (const { data } of nodes) {
      const list = resolveNodePrice(data);
      expect(list.source).toBe('default');
      expect(data.cpuCoreHourPrice / list.cpuCoreHourPrice).toBeGreaterThan(
        0.92,
      );
      expect(data.cpuCoreHourPrice / list.cpuCoreHourPrice).toBeLessThan(1.08);
      expect(data.memoryGibHourPrice / list.memoryGibHourPrice).toBeGreaterThan(
        0.92,
      );
      expect(data.memoryGibHourPrice / list.memoryGibHourPrice).toBeLessThan(
        1.08,
      );
    }
    const price = (cluster: string) =>
      nodes.find(
        e =>
          e.data.cluster === cluster && e.data.instanceType === 'c6i.2xlarge',
      )!.data.cpuCoreHourPrice;
    expect(price('prod-eu-west-1')).not.toBe(price('prod-us-east-1'));
  });
});

describe('generateDemoEvents: pod subjects', () => {
  it('names each pod after its service, in its namespace and cluster, with its labels', () => {
    const byController = new Map(demoServices.map(s => [s.kubernetesId, s]));
    for (const e of usage) {
      const service = byController.get(e.data.controller)!;
      expect(e.subject).toMatchObject({
        kind: 'kubernetes-id',
        name: service.kubernetesId,
        cluster: e.data.cluster,
        namespace: service.namespace,
      });
    }
    const naming = (e: (typeof usage)[number]) => {
      const labels = e.subject.labels ?? {};
      if (labels['backstage.io/kubernetes-id'] !== undefined)
        return 'backstage';
      if (labels['app.kubernetes.io/name'] !== undefined) return 'recommended';
      return 'none';
    };
    const styles = new Map<string, Set<string>>();
    for (const e of usage) {
      styles.set(
        e.data.controller,
        (styles.get(e.data.controller) ?? new Set()).add(naming(e)),
      );
    }
    // each service labels its pods one way; both ways occur
    expect([...styles.values()].every(s => s.size === 1)).toBe(true);
    const all = new Set([...styles.values()].flatMap(s => [...s]));
    expect([...all].sort()).toEqual(['backstage', 'recommended']);
  });

  it('runs Deployments and StatefulSets, StatefulSet pods named by ordinal', () => {
    const kinds = new Map(
      usage.map(e => [e.data.controller, e.data.controllerKind]),
    );
    expect(new Set(kinds.values())).toEqual(
      new Set(['Deployment', 'StatefulSet']),
    );
    const stateful = usage.filter(e => e.data.controllerKind === 'StatefulSet');
    expect(
      stateful.every(
        e =>
          /^.+-\d$/.test(e.data.pod) &&
          e.data.pod.startsWith(e.data.controller),
      ),
    ).toBe(true);
    expect(
      stateful.every(
        e =>
          e.subject.labels?.['statefulset.kubernetes.io/pod-name'] ===
          e.data.pod,
      ),
    ).toBe(true);
  });

  it("labels the example selector component's pods to match its selector", () => {
    const notifier = usage.filter(
      e => e.data.controller === 'notification-service',
    );
    expect(notifier.length).toBeGreaterThan(0);
    for (const e of notifier) {
      expect(e.subject.labels).toMatchObject({
        'app.kubernetes.io/name': 'notification-service',
        'app.kubernetes.io/component': 'notifier',
      });
    }
  });

  it('labels the pods of a service with a label selector so that they match it', () => {
    const worker = {
      ...demoServices[0],
      labelSelector:
        'app.kubernetes.io/component=worker, tier in (backend,batch),canary!=true,!legacy, team',
    };
    const withSelector = generateDemoEvents({
      catalog: { services: [worker], clusters: ['prod-eu-west-1'] },
      delivery: { from: day(0), to: day(0) },
      telemetry: { from: day(0), to: day(1) },
    }).filter(e => e.type === 'pod.usage');
    expect(withSelector.length).toBeGreaterThan(0);
    for (const e of withSelector) {
      expect(e.subject.labels).toMatchObject({
        'app.kubernetes.io/component': 'worker',
        tier: 'backend',
        team: '',
      });
      expect(e.subject.labels).not.toHaveProperty('canary');
      expect(e.subject.labels).not.toHaveProperty('legacy');
    }
  });
});
