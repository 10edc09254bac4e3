import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  createBackendModule,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import {
  PlatformEventIntake,
  platformEventProducersExtensionPoint,
} from '@goldenpath/plugin-platform-node';
import request from 'supertest';
import { costHistory, usageEvent } from './__testUtils__/costEvents';
import { createTestDatabases } from './__testUtils__/databases';
import { catalogEntities, deploymentEvent } from './__testUtils__/events';
import { platformPlugin } from './plugin';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/** Two days of cost data (2026-11-02 and 03), projected on the 4th. */
const PROJECTED_AT = Date.parse('2026-11-04T06:00:00Z');
/** Five days later with rawDays 3: both days are past raw retention. */
const RETAINED_AT = Date.parse('2026-11-08T00:30:00Z');
const DAILY_TABLES = ['cost_controller_days', 'cost_cluster_days'];
const SUMMARY =
  '/api/platform/cost/summary?entityRef=component:default/payments-api&from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z';

/** The backend's clock only: timers stay real, so the database pools work. */
function fakeClock(now: number) {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe.each(databases.eachSupportedId())(
  'platform backend wiring: event log retention declared by the cost feature (%s)',
  id => {
    afterEach(() => jest.useRealTimers());

    it('lets pod.usage and node.cost older than rawDays leave the log while the daily roll-ups, the summary and DORA history stay, also after a replay', async () => {
      fakeClock(PROJECTED_AT);
      const knex = await databases.init(id as TestDatabaseId);
      let intake: PlatformEventIntake | undefined;
      const producer = createBackendModule({
        pluginId: 'platform',
        moduleId: 'test-producer',
        register(env) {
          env.registerInit({
            deps: { producers: platformEventProducersExtensionPoint },
            async init({ producers }) {
              producers.addEventProducer({
                id: 'test-producer',
                connect: async i => {
                  intake = i;
                },
              });
            },
          });
        },
      });
      const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: jest.fn(async task => {
          tasks.set(task.id, task);
        }),
      });
      const { server } = await startTestBackend({
        features: [
          platformPlugin,
          producer,
          scheduler.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: catalogEntities }),
          mockServices.rootConfig.factory({
            data: {
              events: { useEventBus: 'never' },
              platform: { cost: { retention: { rawDays: 3 } } },
            },
          }),
        ],
      });
      const run = (task: string) =>
        tasks.get(task)!.fn(new AbortController().signal);
      const ingest = async (events: CanonicalEventInput[]) =>
        expect(await intake!.ingest(events)).toMatchObject({
          accepted: events.length,
        });
      const summary = async () => {
        const res = await request(server)
          .get(SUMMARY)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      /** Every daily roll-up row of the two days, in a fixed order. */
      const dailyRows = async () =>
        Object.fromEntries(
          await Promise.all(
            DAILY_TABLES.map(async t => [
              t,
              (await knex(t).where('day', '<', '2026-11-04'))
                .map(row => JSON.stringify(row))
                .sort(),
            ]),
          ),
        );
      const typesInLog = async () =>
        (await knex('events').orderBy('seq').select('type', 'event_id')).map(
          r => `${r.type} ${r.event_id}`,
        );

      const deployment = deploymentEvent();
      const history = costHistory();
      await ingest([...history, deployment]);
      await run('platform-projections');
      const daily = await dailyRows();
      expect(daily.cost_controller_days.length).toBeGreaterThan(0);
      const before = await summary();
      expect(before.total.cost).toBeGreaterThan(0);
      expect(before.days).toHaveLength(2);

      // five days on, one new hour of usage arrives
      jest.setSystemTime(RETAINED_AT);
      const recent = usageEvent({ hour: 5 * 24 + 10 });
      await ingest([recent]);
      await run('platform-projections');
      await run('platform-cost-retention');
      await run('platform-retention');

      expect(await typesInLog()).toEqual([
        `deployment.finished ${deployment.id}`,
        `pod.usage ${recent.id}`,
      ]);
      expect(await dailyRows()).toEqual(daily);
      expect((await summary()).total).toEqual(before.total);
      expect((await summary()).days).toEqual(before.days);

      // a relink rewinds the projections: the replay shows the same
      await knex('projection_cursors').update({ last_seq: 0 });
      await run('platform-projections');
      expect(await dailyRows()).toEqual(daily);
      expect((await summary()).days).toEqual(before.days);
      // DORA still has the deployment
      expect(await knex('dora_deployments').select('deployment_id')).toEqual([
        { deployment_id: 'deploy-1' },
      ]);
    });
  },
);
