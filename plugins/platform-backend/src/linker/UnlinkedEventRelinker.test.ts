import { TestDatabaseId, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { EventIntake } from '../ingest/EventIntake';
import { EntityIndex } from './EntityIndex';
import { RelinkOptions, UnlinkedEventRelinker } from './relinkUnlinkedEvents';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const DAY = 24 * 3_600_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');
const [payments, ledger] = catalogEntities as Entity[];
const otherTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'search',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/search' },
  },
};

describe.each(databases.eachSupportedId())(
  'relinking with bounded work (%s)',
  id => {
    async function setup(id_: TestDatabaseId) {
      const knex = await databases.init(id_);
      const store = await DatabaseEventStore.create({
        database: mockServices.database({ knex }),
      });
      /** The catalog as the relink task sees it; tests change it. */
      let catalog: Entity[] = [];
      const refresh = jest.fn(async () => EntityIndex.fromEntities(catalog));
      /** Ingests events received `ago` ms before NOW, with no entity to link to. */
      const receive = async (events: CanonicalEventInput[], ago: number) => {
        const intake = new EventIntake({
          store,
          linker: { link: async ts => ts.map(() => ({ reason: 'none yet' })) },
          maxBatchSize: 10_000,
          maxFutureSkewMs: Infinity,
          now: () => new Date(NOW - ago),
        });
        expect(await intake.ingest(events)).toMatchObject({
          accepted: events.length,
        });
      };
      let now = NOW;
      const relinker = (options: Partial<RelinkOptions> = {}) =>
        new UnlinkedEventRelinker({
          store,
          linker: { refresh },
          logger: mockServices.logger.mock(),
          now: () => new Date(now),
          ...options,
        });
      return {
        knex,
        store,
        receive,
        relinker,
        setCatalog: (entities: Entity[]) => (catalog = entities),
        setNow: (ms: number) => (now = ms),
      };
    }
    const events = (n: number, prefix = 'e') =>
      Array.from({ length: n }, (_, i) =>
        deploymentEvent({ id: `${prefix}${i}` }),
      );

    it('examines only events received within the window', async () => {
      const { store, receive, relinker, setCatalog } = await setup(id);
      await receive([deploymentEvent({ id: 'old' })], 31 * DAY);
      await receive([deploymentEvent({ id: 'recent' })], 29 * DAY);
      setCatalog([payments]);
      const result = await relinker({ windowMs: 30 * DAY }).run();
      expect(result).toMatchObject({ examined: 1, linked: 1, more: false });
      const stored = await store.list({ limit: 10 });
      expect(stored.map(e => [e.id, e.linkStatus])).toEqual([
        ['recent', 'linked'],
        ['old', 'unlinked'],
      ]);
    });

    it('examines at most maxPerRun events a run and goes on from there next run', async () => {
      const { store, receive, relinker, setCatalog } = await setup(id);
      await receive(events(2500), DAY);
      setCatalog([payments]);
      const task = relinker({ maxPerRun: 1000 });
      const runs = [];
      for (let i = 0; i < 4; i++) runs.push(await task.run());
      expect(runs.map(r => [r.examined, r.linked, r.more])).toEqual([
        [1000, 1000, true],
        [1000, 1000, true],
        [500, 500, false],
        [0, 0, false],
      ]);
      // each run names where the projections must re-read from
      expect(runs[0].firstLinkedSeq).toBe(1);
      expect(runs[1].firstLinkedSeq).toBe(1001);
      expect((await store.stats()).unlinked).toBe(0);
    });

    it('re-examines failed events only when the linkable catalog changed', async () => {
      const { store, receive, relinker, setCatalog } = await setup(id);
      await receive(events(100), DAY);
      const task = relinker();
      setCatalog([ledger]);
      expect(await task.run()).toMatchObject({ examined: 100, linked: 0 });
      // nothing changed: nothing to examine
      expect(await task.run()).toMatchObject({ examined: 0, linked: 0 });
      // a change linking does not read keeps the index's fingerprint
      setCatalog([
        { ...ledger, metadata: { ...ledger.metadata, description: 'x' } },
      ]);
      expect(await task.run()).toMatchObject({ examined: 0 });
      // a new arrival is examined alone
      await receive([deploymentEvent({ id: 'new' })], DAY - 60_000);
      expect(await task.run()).toMatchObject({ examined: 1, linked: 0 });
      // another entity appears: everything is examined once more
      setCatalog([ledger, otherTeam]);
      expect(await task.run()).toMatchObject({ examined: 101, linked: 0 });
      expect(await task.run()).toMatchObject({ examined: 0 });
      // the entity appears: all link
      setCatalog([ledger, otherTeam, payments]);
      expect(await task.run()).toMatchObject({ examined: 101, linked: 101 });
      expect((await store.stats()).unlinked).toBe(0);
    });

    it('after a catalog change mid-backlog, goes on to the end, then wraps once to re-examine what is behind', async () => {
      const { store, receive, relinker, setCatalog } = await setup(id);
      await receive(events(30), DAY);
      const task = relinker({ maxPerRun: 20 });
      setCatalog([ledger]);
      expect(await task.run()).toMatchObject({ examined: 20, more: true });
      // the entity appears while seqs 21-30 were never examined
      setCatalog([ledger, payments]);
      const result = await task.run();
      // 21-30 first (never starved by the restart), then 1-10 after the wrap
      expect(result).toMatchObject({ examined: 20, linked: 20, more: true });
      expect(result.firstLinkedSeq).toBe(1);
      const stillUnlinked = await store.listUnlinked(0, 100);
      expect(stillUnlinked.map(e => e.seq)).toEqual([
        11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      ]);
      expect(await task.run()).toMatchObject({ examined: 10, linked: 10 });
      expect((await store.stats()).unlinked).toBe(0);
    });

    it('examines recent events again until they settle, so one committed late with a lower seq is not skipped', async () => {
      const { knex, receive, relinker, setCatalog, setNow } = await setup(id);
      await receive(events(3), 60_000);
      // seq 2 is "not committed yet": take it out and put it back later
      const late = await knex('events').where('seq', 2).first();
      await knex('events').where('seq', 2).delete();
      setCatalog([ledger]);
      const task = relinker({ settleMs: 15 * 60_000 });
      expect(await task.run()).toMatchObject({ examined: 2 });
      await knex('events').insert(late);
      // recent: the cursor stayed before them, and seq 2 is found
      expect(await task.run()).toMatchObject({ examined: 3 });
      // 20 minutes later they have settled: examined once more, then passed
      setNow(NOW + 20 * 60_000);
      expect(await task.run()).toMatchObject({ examined: 3 });
      expect(await task.run()).toMatchObject({ examined: 0 });
    });
  },
);
