import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PlatformTestTask,
  startPlatformTestBackend,
} from '@goldenpath/plugin-platform-node/testUtils';
// The real platform backend, as the example backend adds it: a devDependency,
// since a module must not import its plugin at runtime.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import platformBackend from '@goldenpath/plugin-platform-backend';
import { JsonObject } from '@backstage/types';
import { catalogEntities } from './__testUtils__/catalogEntities';
import { DEMO_TASK_ID } from './createDemoEventProducer';
import platformModuleDemo from './index';

jest.setTimeout(60_000);

/** The real platform backend with this module, as the example backend adds it. */
const start = (demo: JsonObject = {}) =>
  startPlatformTestBackend({
    features: [
      platformBackend,
      platformModuleDemo,
      catalogServiceMock.factory({ entities: catalogEntities }),
    ],
    platform: {
      intake: { maxBatchSize: 100 },
      demo: { historyDays: 10, telemetryDays: 1, ...demo },
    },
  });

function demoTask(tasks: Map<string, PlatformTestTask>): PlatformTestTask {
  const task = tasks.get(DEMO_TASK_ID);
  if (!task) {
    throw new Error(
      `The platform backend never connected the demo producer: no "${DEMO_TASK_ID}" task was scheduled (scheduled: ${
        [...tasks.keys()].join(', ') || 'none'
      }). Does plugin.ts call connect() on every producer added through platformEventProducersExtensionPoint?`,
    );
  }
  return task;
}

describe('platformModuleDemo', () => {
  it('sends linked demo history through the real intake, and a rerun adds nothing', async () => {
    const { tasks, listEvents } = await start();
    const task = demoTask(tasks);
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 15 },
    });
    expect(await listEvents()).toEqual([]);

    await task.fn(new AbortController().signal);
    const events = await listEvents();
    expect(events.length).toBeGreaterThan(100); // more than one batch
    expect(events.filter(e => !e.source.startsWith('demo-'))).toEqual([]);
    expect(new Set(events.map(e => e.type))).toEqual(
      new Set([
        'change.merged',
        'deployment.finished',
        'incident.opened',
        'incident.resolved',
        'pod.usage',
        'node.cost',
        'canary.run',
      ]),
    );
    expect(await listEvents({ unlinked: 'true' })).toEqual([]);
    expect(
      await listEvents({
        entityRef: 'component:default/ledger-service',
      }),
    ).not.toEqual([]);
    // ledger-service's pods link through its label selector (which replaces
    // its kubernetes-id for pods), and node costs to each cluster Resource
    const ledgerPods = events.filter(
      e => e.type === 'pod.usage' && e.data.controller === 'ledger-service',
    );
    expect(ledgerPods.length).toBeGreaterThan(0);
    expect(
      ledgerPods.every(
        e =>
          e.entityRef === 'component:default/ledger-service' &&
          e.subject.labels?.['app.kubernetes.io/component'] === 'ledger',
      ),
    ).toBe(true);
    for (const cluster of ['prod-eu-west-1', 'prod-us-east-1']) {
      const costs = events.filter(
        e => e.type === 'node.cost' && e.data.cluster === cluster,
      );
      expect(costs.length).toBeGreaterThan(0);
      expect(
        costs.every(e => e.entityRef === `resource:default/${cluster}`),
      ).toBe(true);
    }

    await task.fn(new AbortController().signal);
    expect((await listEvents()).length).toBe(events.length);
  });

  it('reads its schedule from config', async () => {
    const { tasks } = await start({
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
    });
    expect(demoTask(tasks)).toMatchObject({
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
    });
  });

  it('stays idle when platform.demo.enabled is false', async () => {
    const { tasks, listEvents } = await start({ enabled: false });
    expect(tasks.has(DEMO_TASK_ID)).toBe(false);
    expect(await listEvents()).toEqual([]);
  });
});
