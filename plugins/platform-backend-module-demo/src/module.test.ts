import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventListResponse,
  StoredEvent,
} from '@goldenpath/plugin-platform-common';
// The real platform backend, as the example backend adds it: a devDependency,
// since a module must not import its plugin at runtime.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import platformBackend from '@goldenpath/plugin-platform-backend';
import { AddressInfo } from 'node:net';
import { catalogEntities } from './__testUtils__/catalogEntities';
import { DEMO_TASK_ID } from './createDemoEventProducer';
import platformModuleDemo from './index';

jest.setTimeout(60_000);

type ScheduledTask = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

/**
 * The real platform backend with this module on an in-memory SQLite database.
 * The scheduler only records tasks, so the test runs the demo task itself and
 * sees its errors.
 */
async function start(demo: Record<string, unknown> = {}) {
  const tasks = new Map<string, ScheduledTask>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: jest.fn(async (task: ScheduledTask) => {
      tasks.set(task.id, task);
    }),
  });
  const { server } = await startTestBackend({
    features: [
      platformBackend,
      platformModuleDemo,
      scheduler.factory,
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.rootConfig.factory({
        data: {
          events: { useEventBus: 'never' },
          platform: {
            intake: { maxBatchSize: 100 },
            demo: { historyDays: 10, telemetryDays: 1, ...demo },
          },
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  return { tasks, baseUrl: `http://localhost:${port}/api/platform` };
}

function demoTask(tasks: Map<string, ScheduledTask>): ScheduledTask {
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

/** `GET /events` with a user's credentials, every page (newest first). */
async function listEvents(
  baseUrl: string,
  query: Record<string, string> = {},
): Promise<StoredEvent[]> {
  const items: StoredEvent[] = [];
  let before: string | undefined;
  do {
    const params = new URLSearchParams({
      ...query,
      limit: '1000',
      ...(before ? { before } : {}),
    });
    const res = await fetch(`${baseUrl}/events?${params}`, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as EventListResponse;
    items.push(...page.items);
    before =
      page.nextCursor === undefined ? undefined : String(page.nextCursor);
  } while (before);
  return items;
}

describe('platformModuleDemo', () => {
  it('sends linked demo history through the real intake, and a rerun adds nothing', async () => {
    const { tasks, baseUrl } = await start();
    const task = demoTask(tasks);
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 15 },
    });
    expect(await listEvents(baseUrl)).toEqual([]);

    await task.fn(new AbortController().signal);
    const events = await listEvents(baseUrl);
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
    expect(await listEvents(baseUrl, { unlinked: 'true' })).toEqual([]);
    expect(
      await listEvents(baseUrl, {
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
    expect((await listEvents(baseUrl)).length).toBe(events.length);
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
    const { tasks, baseUrl } = await start({ enabled: false });
    expect(tasks.has(DEMO_TASK_ID)).toBe(false);
    expect(await listEvents(baseUrl)).toEqual([]);
  });
});
