import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HOUR_MS } from '@goldenpath/plugin-platform-common';
import { startPlatformTestBackend } from '@goldenpath/plugin-platform-node/testUtils';
// The real platform backend, as an app adds it: a devDependency, since a
// module must not import its plugin at runtime.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import platformBackend from '@goldenpath/plugin-platform-backend';
import { JsonObject } from '@backstage/types';
import { startFakeSource } from './__testUtils__/startFakeSource';
import { COST_SOURCE_TASK_IDS } from './createCostSourcesProducer';
import platformModuleCostSources from './index';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'checkout-service' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

/** OpenCost answering for whatever hours it is asked: one container, one node. */
function openCostForAnyHours(path: string, query: URLSearchParams) {
  const [from, to] = (query.get('window') ?? '').split(',').map(Date.parse);
  const hours: number[] = [];
  for (let ms = from; ms < to; ms += HOUR_MS) hours.push(ms);
  const window = (ms: number) => ({
    start: new Date(ms).toISOString().replace('.000Z', 'Z'),
    end: new Date(ms + HOUR_MS).toISOString().replace('.000Z', 'Z'),
  });
  if (path === '/allocation/compute') {
    return {
      json: {
        code: 200,
        status: 'success',
        data: hours.map(ms => ({
          'cluster-one/node-1/payments/checkout-7d9f8b6c5d-x2k4p/app': {
            name: 'cluster-one/node-1/payments/checkout-7d9f8b6c5d-x2k4p/app',
            properties: {
              cluster: 'cluster-one',
              node: 'node-1',
              container: 'app',
              controller: 'checkout',
              controllerKind: 'deployment',
              namespace: 'payments',
              pod: 'checkout-7d9f8b6c5d-x2k4p',
              labels: { backstage_io_kubernetes_id: 'checkout-service' },
            },
            window: window(ms),
            ...window(ms),
            minutes: 60,
            cpuCoreRequestAverage: 0.5,
            cpuCoreUsageAverage: 0.25,
            ramByteRequestAverage: 536870912,
            ramByteUsageAverage: 268435456,
          },
        })),
      },
    };
  }
  return {
    json: {
      code: 200,
      status: 'success',
      data: {
        'AWS/Compute/cluster-one/Node/node-1': {
          type: 'Node',
          properties: { cluster: 'cluster-one', name: 'node-1' },
          labels: {},
          window: window(from),
          ...window(from),
          minutes: 60,
          nodeType: 'm5.xlarge',
          cpuCores: 4,
          ramBytes: 17179869184,
          cpuCost: 0.128,
          ramCost: 0.064,
          discount: 0,
          preemptible: 0,
        },
      },
    },
  };
}

const start = (cost: JsonObject) =>
  startPlatformTestBackend({
    features: [
      platformBackend,
      platformModuleCostSources,
      catalogServiceMock.factory({ entities }),
    ],
    platform: { intake: { maxBatchSize: 2 }, cost },
  });

describe('platformModuleCostSources', () => {
  let closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.map(close => close()));
    closers = [];
  });

  it('registers a producer whose global task polls OpenCost into the real intake', async () => {
    const openCost = await startFakeSource(openCostForAnyHours);
    closers.push(openCost.close);
    const { tasks, listEvents } = await start({
      sources: {
        opencost: {
          clusters: [{ name: 'prod-eu', baseUrl: openCost.baseUrl }],
          maxCatchUpHours: 3,
        },
      },
    });
    const task = tasks.get(COST_SOURCE_TASK_IDS.opencost);
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 1 },
    });
    expect(tasks.has(COST_SOURCE_TASK_IDS.prometheus)).toBe(false);

    await task!.fn(new AbortController().signal);
    const events = await listEvents();
    expect(events.map(e => e.type).sort()).toEqual([
      'node.cost',
      'node.cost',
      'node.cost',
      'pod.usage',
      'pod.usage',
      'pod.usage',
    ]);
    expect(new Set(events.map(e => e.source))).toEqual(
      new Set(['opencost/prod-eu']),
    );
    const linked = await listEvents({
      entityRef: 'component:default/checkout',
    });
    expect(linked.map(e => e.type)).toEqual([
      'pod.usage',
      'pod.usage',
      'pod.usage',
    ]);

    // the next run reads the same hours again and stores nothing new
    await task!.fn(new AbortController().signal);
    expect(await listEvents()).toHaveLength(6);
  });

  it('ends the task with an error naming the clusters that failed', async () => {
    const broken = await startFakeSource(() => ({
      status: 503,
      text: 'no healthy upstream',
    }));
    closers.push(broken.close);
    const { tasks } = await start({
      sources: {
        prometheus: {
          clusters: [{ name: 'prod-us', baseUrl: broken.baseUrl }],
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        },
      },
    });
    const task = tasks.get(COST_SOURCE_TASK_IDS.prometheus);
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
    });
    await expect(task!.fn(new AbortController().signal)).rejects.toThrow(
      'prometheus: 1 of 1 clusters failed (prod-us); the others were polled; details logged above',
    );
  });

  it('schedules nothing without configured clusters', async () => {
    const { tasks } = await start({});
    for (const id of Object.values(COST_SOURCE_TASK_IDS)) {
      expect(tasks.has(id)).toBe(false);
    }
  });
});
