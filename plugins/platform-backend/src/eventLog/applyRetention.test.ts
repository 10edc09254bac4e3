import { mockServices } from '@backstage/backend-test-utils';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { doraHistory } from '../__testUtils__/doraEvents';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { createTestRunner } from '../__testUtils__/projections';
import { DatabaseDoraStore } from '../dora/DatabaseDoraStore';
import { createDoraProjection } from '../dora/doraProjection';
import { EventIntake } from '../ingest/EventIntake';
import { EntityIndex } from '../linker/EntityIndex';
import { applyRetention } from './applyRetention';
import { DatabaseEventStore } from './DatabaseEventStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const DAY = 24 * 3_600_000;
const NOW = Date.parse('2026-12-20T12:00:00Z');
const settings = { unlinkedEventsMs: 90 * DAY, rawPayloadsMs: 30 * DAY };
const DORA_TABLES = ['dora_deployments', 'dora_changes', 'dora_incidents'];

describe.each(databases.eachSupportedId())(
  'retention of the event log (%s)',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      const database = mockServices.database({ knex });
      const store = await DatabaseEventStore.create({ database });
      const index = EntityIndex.fromEntities(catalogEntities);
      /** Ingests with a source payload, received `ago` ms before NOW. */
      const receive = async (
        events: CanonicalEventInput[],
        ago: number,
        linked = true,
      ) => {
        const intake = new EventIntake({
          store,
          linker: {
            link: async ts =>
              ts.map(t =>
                linked
                  ? index.resolve(t.subject, t.entityRef)
                  : { reason: 'no entity yet' },
              ),
          },
          maxBatchSize: 10_000,
          maxFutureSkewMs: Infinity,
          now: () => new Date(NOW - ago),
        });
        expect(
          await intake.ingest(events, { raw: { webhook: 'payload' } }),
        ).toMatchObject({ accepted: events.length });
      };
      const projector = await createTestRunner({
        database,
        events: store,
        projections: [
          createDoraProjection(await DatabaseDoraStore.create({ database })),
        ],
      });
      const rows = async () => {
        const events = await knex('events')
          .orderBy('seq')
          .select('event_id', 'entity_ref', 'event', 'raw');
        return events.map(e => ({
          id: e.event_id,
          linked: e.entity_ref !== null,
          raw: e.raw !== null,
          event: JSON.parse(e.event),
        }));
      };
      const doraTables = async () =>
        Object.fromEntries(
          await Promise.all(
            DORA_TABLES.map(async t => [t, await knex(t).select()]),
          ),
        );
      const retain = (
        over: Partial<Parameters<typeof applyRetention>[0]> = {},
      ) =>
        applyRetention({
          store,
          settings,
          logger: mockServices.logger.mock(),
          now: () => new Date(NOW),
          ...over,
        });
      return { knex, store, receive, projector, rows, doraTables, retain };
    }

    it('deletes old unlinked events and clears old payloads, and never touches linked events or the projections', async () => {
      const { store, receive, projector, rows, doraTables, retain } =
        await setup();
      // linked history received 100 days ago: old, but linked
      await receive(doraHistory, 100 * DAY);
      await receive([deploymentEvent({ id: 'unlinked-old' })], 91 * DAY, false);
      await receive(
        [deploymentEvent({ id: 'unlinked-kept' })],
        89 * DAY,
        false,
      );
      await receive([deploymentEvent({ id: 'linked-new' })], 29 * DAY);
      await projector.catchUp();
      const before = await rows();
      const projected = await doraTables();
      expect(projected.dora_deployments.length).toBeGreaterThan(0);

      expect(await retain()).toEqual({
        deletedExpired: 0,
        deletedUnlinked: 1,
        clearedRaw: doraHistory.length + 1,
      });

      const after = await rows();
      expect(after.map(e => e.id)).toEqual(
        before.map(e => e.id).filter(i => i !== 'unlinked-old'),
      );
      // the canonical events and links are as they were; only old payloads went
      for (const row of after) {
        const was = before.find(e => e.id === row.id)!;
        expect(row).toEqual({
          ...was,
          raw: row.id === 'linked-new',
        });
      }
      expect(await doraTables()).toEqual(projected);
      // nothing for the projections to re-read either
      expect(await projector.catchUp()).toBe(0);
      expect(await doraTables()).toEqual(projected);
      expect((await store.stats()).unlinked).toBe(1);
      // a second run finds nothing
      expect(await retain()).toEqual({
        deletedExpired: 0,
        deletedUnlinked: 0,
        clearedRaw: 0,
      });
    });

    it('works in batches until nothing is left', async () => {
      const { store, receive, retain } = await setup();
      const old = Array.from({ length: 25 }, (_, i) =>
        deploymentEvent({ id: `u${i}` }),
      );
      await receive(old, 100 * DAY, false);
      const deletes = jest.spyOn(store, 'deleteUnlinkedReceivedBefore');
      const clears = jest.spyOn(store, 'clearRawReceivedBefore');
      expect(await retain({ batchSize: 10 })).toEqual({
        deletedExpired: 0,
        deletedUnlinked: 25,
        clearedRaw: 0,
      });
      expect(deletes.mock.calls.map(c => c[1])).toEqual([10, 10, 10]);
      expect(clears).toHaveBeenCalledTimes(1);
      expect((await store.stats()).total).toBe(0);
    });

    it('stops between batches when the task is aborted; the next run goes on', async () => {
      const { store, receive, retain } = await setup();
      await receive(
        Array.from({ length: 25 }, (_, i) => deploymentEvent({ id: `u${i}` })),
        100 * DAY,
        false,
      );
      const controller = new AbortController();
      const deletes = jest
        .spyOn(store, 'deleteUnlinkedReceivedBefore')
        .mockImplementationOnce(async (cutoff, limit) => {
          controller.abort();
          return DatabaseEventStore.prototype.deleteUnlinkedReceivedBefore.call(
            store,
            cutoff,
            limit,
          );
        });
      expect(
        await retain({ batchSize: 10, signal: controller.signal }),
      ).toEqual({ deletedExpired: 0, deletedUnlinked: 10, clearedRaw: 0 });
      expect((await store.stats()).total).toBe(15);
      deletes.mockRestore();
      expect(await retain({ batchSize: 10 })).toMatchObject({
        deletedUnlinked: 15,
      });
    });

    it('keeps everything when both periods are off', async () => {
      const { receive, rows, retain } = await setup();
      await receive([deploymentEvent({ id: 'u' })], 1000 * DAY, false);
      await receive([deploymentEvent({ id: 'l' })], 1000 * DAY);
      const before = await rows();
      expect(await retain({ settings: {} })).toEqual({
        deletedExpired: 0,
        deletedUnlinked: 0,
        clearedRaw: 0,
      });
      expect(await rows()).toEqual(before);
    });

    it('lets a deleted unlinked event be sent again', async () => {
      const { store, receive, retain } = await setup();
      await receive([deploymentEvent({ id: 'again' })], 100 * DAY, false);
      await retain();
      await receive([deploymentEvent({ id: 'again' })], 0);
      expect(await store.list({ limit: 10 })).toEqual([
        expect.objectContaining({ id: 'again', linkStatus: 'linked' }),
      ]);
    });
  },
);
