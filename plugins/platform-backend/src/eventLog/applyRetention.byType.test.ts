import { mockServices } from '@backstage/backend-test-utils';
import {
  CanonicalEventInput,
  CanonicalEventType,
  DAY_MS,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { canaryRun } from '../__testUtils__/canaryEvents';
import {
  COST_START_MS,
  nodeEvent,
  usageEvent,
} from '../__testUtils__/costEvents';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { EventIntake } from '../ingest/EventIntake';
import { EntityIndex } from '../linker/EntityIndex';
import { DatabaseProjectionStateStore } from '../projections/DatabaseProjectionStateStore';
import { AllEventsProjection } from '../projections/Projection';
import { ProjectionRunner } from '../projections/ProjectionRunner';
import { applyRetention } from './applyRetention';
import { DatabaseEventStore } from './DatabaseEventStore';
import { EventLogRetention, retentionDaysByType } from './expiredEvents';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/**
 * 40 days and 30 minutes after hour 0 of the cost data: 35 days back is hour
 * 120 plus 30 minutes, so the cutoff on the hour is hour 120; 30 days back
 * is hour 240 plus 30 minutes (cutoff hour 240).
 */
const NOW = COST_START_MS + 40 * DAY_MS + 30 * 60_000;
const RULES: EventLogRetention[] = [
  { types: ['pod.usage', 'node.cost'], days: 35 },
  { types: ['canary.run'], days: 30 },
];
const at = (hours: number, minutes = 0) =>
  new Date(COST_START_MS + hours * HOUR_MS + minutes * 60_000).toISOString();

/** A projection that only reads: its cursor is what retention must respect. */
const reader = (
  name: string,
  eventTypes: CanonicalEventType[],
): AllEventsProjection => ({
  name,
  eventTypes,
  includeUnlinked: true,
  apply: async () => {},
});

describe.each(databases.eachSupportedId())(
  'retention of the event log by type (%s)',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      const database = mockServices.database({ knex });
      const store = await DatabaseEventStore.create({ database });
      const cursors = await DatabaseProjectionStateStore.create({ database });
      const index = EntityIndex.fromEntities(catalogEntities);
      const intake = new EventIntake({
        store,
        linker: {
          link: async ts => ts.map(t => index.resolve(t.subject, t.entityRef)),
        },
        maxBatchSize: 10_000,
        maxFutureSkewMs: Infinity,
        now: () => new Date(NOW),
      });
      const receive = async (events: CanonicalEventInput[]) =>
        (await intake.ingest(events)).accepted;
      const projections = [
        reader('cost-like', ['pod.usage', 'node.cost', 'deployment.finished']),
        reader('canary-like', ['canary.run']),
        reader('dora-like', ['deployment.finished']),
      ];
      const runnerOf = (list: AllEventsProjection[]) =>
        new ProjectionRunner({
          projections: list,
          events: store,
          state: cursors,
          logger: mockServices.logger.mock(),
        });
      const runner = runnerOf(projections);
      const retain = (
        over: Partial<Parameters<typeof applyRetention>[0]> = {},
      ) =>
        applyRetention({
          store,
          settings: {},
          byType: { rules: RULES, projections, cursors },
          logger: mockServices.logger.mock(),
          now: () => new Date(NOW),
          ...over,
        });
      const ids = async () =>
        (
          await knex('events').orderBy('seq').select('event_id', 'entity_ref')
        ).map(r => r.event_id as string);
      const seqOf = async (eventId: string) =>
        Number(
          (await knex('events').where('event_id', eventId).first('seq')).seq,
        );
      return {
        knex,
        store,
        cursors,
        receive,
        runner,
        runnerOf,
        projections,
        retain,
        ids,
        seqOf,
      };
    }

    const usage = (hour: number, kubernetesId?: string) =>
      usageEvent({ hour, kubernetesId });

    it('deletes the declared types, linked or not, that occurred before the cutoff on the hour, and keeps newer ones and every other type', async () => {
      const { knex, receive, runner, retain, ids } = await setup();
      const oldDeployment = deploymentEvent({
        id: 'deploy-old',
        occurredAt: at(-1000),
        data: { startedAt: at(-1001), finishedAt: at(-1000) },
      });
      const canaryBefore = canaryRun({ startedAt: at(239, 50) });
      // occurred 30 days and 20 minutes ago: within the hour the cutoff
      // starts, which canary's raw retention still keeps
      const canaryInCutoffHour = canaryRun({ startedAt: at(240, 5) });
      const unlinkedUsage = usage(100, 'nobody-runs-this');
      const events = [
        oldDeployment,
        unlinkedUsage,
        ...[117, 118, 119, 120, 121].map(h => usage(h)),
        nodeEvent({ hour: 118, node: 'od-1' }),
        nodeEvent({ hour: 119, node: 'od-1' }),
        canaryBefore,
        canaryInCutoffHour,
      ];
      expect(await receive(events)).toBe(events.length);
      await runner.catchUp();
      const links = Object.fromEntries(
        (await knex('events').select('event_id', 'entity_ref')).map(r => [
          r.event_id,
          r.entity_ref,
        ]),
      );
      // the old usage is linked, the other one not: both go
      expect(links[usage(117).id]).toBe('component:default/payments-api');
      expect(links[unlinkedUsage.id]).toBeNull();

      expect(await retain()).toEqual({
        deletedExpired: 5,
        deletedUnlinked: 0,
        clearedRaw: 0,
      });
      expect(await ids()).toEqual([
        oldDeployment.id,
        // usage of hour 119 occurred at hour 120: the cutoff itself is kept
        ...[119, 120, 121].map(h => usage(h).id),
        nodeEvent({ hour: 119, node: 'od-1' }).id,
        canaryInCutoffHour.id,
      ]);
      expect(await retain()).toMatchObject({ deletedExpired: 0 });
    });

    it('never deletes an event a projection reading its type has not passed', async () => {
      const { store, cursors, receive, runner, runnerOf, projections, retain } =
        await setup();
      const read = [10, 11, 12].map(h => usage(h));
      const unread = [20, 21].map(h => usage(h));
      await receive(read);
      await runner.catchUp();
      await receive(unread);
      await runner.catchUp();
      // one reader of pod.usage lags behind the second batch
      const lastRead = (await store.list({ limit: 10 })).find(
        e => e.id === read[2].id,
      )!.seq;
      await cursors.rewind('cost-like', lastRead);

      expect(await retain()).toMatchObject({ deletedExpired: 3 });
      const left = async () => (await store.list({ limit: 10 })).map(e => e.id);
      expect(await left()).toEqual(unread.map(e => e.id).reverse());

      // a new reader of the type that has not run holds everything back
      const newcomer = reader('newcomer', ['pod.usage']);
      await runner.catchUp();
      expect(
        await retain({
          byType: {
            rules: RULES,
            projections: [...projections, newcomer],
            cursors,
          },
        }),
      ).toMatchObject({ deletedExpired: 0 });
      expect(await left()).toHaveLength(2);

      // once every reader has passed them, they go
      await runnerOf([...projections, newcomer]).catchUp();
      expect(
        await retain({
          byType: {
            rules: RULES,
            projections: [...projections, newcomer],
            cursors,
          },
        }),
      ).toMatchObject({ deletedExpired: 2 });
      expect(await left()).toEqual([]);
    });

    it('bounds a type no projection reads by time alone', async () => {
      const { receive, cursors, retain, ids } = await setup();
      await receive([canaryRun({ startedAt: at(100) }), usage(100)]);
      // nothing has run: the usage reader is at 0, canary.run has no reader
      expect(
        await retain({
          byType: {
            rules: RULES,
            projections: [reader('cost-like', ['pod.usage'])],
            cursors,
          },
        }),
      ).toMatchObject({ deletedExpired: 1 });
      expect(await ids()).toEqual([usage(100).id]);
    });

    it('keeps the longest period when several rules name a type', async () => {
      const { receive, runner, projections, cursors, retain, ids } =
        await setup();
      // 38 days back is hour 48 plus 30 minutes: usage of hour 47 occurred
      // at hour 48 and stays; under 35 days all three would go
      await receive([45, 46, 47].map(h => usage(h)));
      await runner.catchUp();
      expect(
        await retain({
          byType: {
            rules: [...RULES, { types: ['pod.usage'], days: 38 }],
            projections,
            cursors,
          },
        }),
      ).toMatchObject({ deletedExpired: 2 });
      expect(await ids()).toEqual([usage(47).id]);
    });

    it('works in batches, stops between them when aborted, and the next run goes on', async () => {
      const { store, receive, runner, retain } = await setup();
      await receive(Array.from({ length: 25 }, (_, h) => usage(h)));
      await runner.catchUp();
      const controller = new AbortController();
      const deletes = jest
        .spyOn(store, 'deleteExpired')
        .mockImplementationOnce(async options => {
          controller.abort();
          return DatabaseEventStore.prototype.deleteExpired.call(
            store,
            options,
          );
        });
      expect(
        await retain({ batchSize: 10, signal: controller.signal }),
      ).toMatchObject({ deletedExpired: 10 });
      expect((await store.stats()).total).toBe(15);

      deletes.mockClear();
      expect(await retain({ batchSize: 10 })).toMatchObject({
        deletedExpired: 15,
      });
      // pod.usage in batches of 10, then node.cost and canary.run find none
      expect(deletes.mock.calls.map(([o]) => [o.type, o.limit])).toEqual([
        ['pod.usage', 10],
        ['pod.usage', 10],
        ['node.cost', 10],
        ['canary.run', 10],
      ]);
      expect((await store.stats()).total).toBe(0);
    });

    it('takes a resent event that retention deleted as new, and deletes it again', async () => {
      const { receive, runner, retain, ids } = await setup();
      await receive([usage(5)]);
      await runner.catchUp();
      await retain();
      expect(await ids()).toEqual([]);
      expect(await receive([usage(5)])).toBe(1);
      await runner.catchUp();
      expect(await retain()).toMatchObject({ deletedExpired: 1 });
    });
  },
);

describe('retentionDaysByType', () => {
  it('keeps the longest period per type', () => {
    expect(
      retentionDaysByType([
        { types: ['pod.usage', 'node.cost'], days: 35 },
        { types: ['pod.usage'], days: 40 },
        { types: ['canary.run'], days: 30 },
      ]),
    ).toEqual(
      new Map([
        ['pod.usage', 40],
        ['node.cost', 35],
        ['canary.run', 30],
      ]),
    );
  });

  it('refuses a period that is not whole days, 1 or more', () => {
    for (const days of [0, -1, 1.5, NaN]) {
      expect(() =>
        retentionDaysByType([{ types: ['pod.usage'], days }]),
      ).toThrow(/pod\.usage must be whole days, 1 or more/);
    }
  });
});
