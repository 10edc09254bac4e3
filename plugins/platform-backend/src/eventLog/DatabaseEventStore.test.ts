import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { validateCanonicalEvent } from '@goldenpath/plugin-platform-common';
import { deploymentEvent } from '../__testUtils__/events';
import { DatabaseEventStore } from './DatabaseEventStore';
import { NewEvent } from './EventStore';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);

function newEvent(id: string, overrides: Partial<NewEvent> = {}): NewEvent {
  const v = validateCanonicalEvent(
    deploymentEvent({
      id,
      occurredAt: `2026-11-0${
        (Number(id.replace(/\D/g, '')) % 9) + 1
      }T10:00:00Z`,
    }),
  );
  if (!v.ok) throw new Error(v.message);
  return {
    event: v.event,
    receivedAt: '2026-11-10T00:00:00.000Z',
    entityRef: 'component:default/payments-api',
    linkReason: null,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('DatabaseEventStore (%s)', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await DatabaseEventStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it('appends once per (source, id) and reports which rows were new', async () => {
    const { store } = await createStore();
    const first = await store.append([newEvent('e1'), newEvent('e2')]);
    expect(first).toEqual([
      { inserted: true, seq: 1 },
      { inserted: true, seq: 2 },
    ]);
    const second = await store.append([newEvent('e2'), newEvent('e3')]);
    expect(second).toEqual([
      // The stored canonical event, for the intake to compare with the resend.
      {
        inserted: false,
        stored: JSON.parse(JSON.stringify(newEvent('e2').event)),
      },
      // A skipped row may use up a seq: only the order is guaranteed.
      { inserted: true, seq: expect.any(Number) },
    ]);
    expect((second[1] as { seq: number }).seq).toBeGreaterThan(2);
    expect((await store.stats()).total).toBe(3);
  });

  it('reports each event in the order given, matched on the (source, id) pair', async () => {
    const { store } = await createStore();
    const pair = (source: string, eventId: string) => {
      const e = newEvent('e1');
      e.event = { ...e.event, source, id: eventId };
      return e;
    };
    // Joined with any separator these two would be one key.
    const outcomes = await store.append([pair('a|b', 'c'), pair('a', 'b|c')]);
    expect(outcomes.map(o => o.inserted)).toEqual([true, true]);
    const again = await store.append([
      pair('x', 'new'),
      pair('a', 'b|c'),
      pair('a|b', 'c'),
    ]);
    expect(again).toEqual([
      { inserted: true, seq: expect.any(Number) },
      {
        inserted: false,
        stored: expect.objectContaining({ source: 'a', id: 'b|c' }),
      },
      {
        inserted: false,
        stored: expect.objectContaining({ source: 'a|b', id: 'c' }),
      },
    ]);
  });

  it('keeps the first of a pair repeated in one append, as the database does', async () => {
    const { store } = await createStore();
    const changed = newEvent('e1');
    changed.event = {
      ...changed.event,
      data: { ...changed.event.data, status: 'failure' },
    } as NewEvent['event'];
    const outcomes = await store.append([newEvent('e1'), changed]);
    expect(outcomes).toEqual([
      { inserted: true, seq: 1 },
      {
        inserted: false,
        stored: expect.objectContaining({
          data: expect.objectContaining({ status: 'success' }),
        }),
      },
    ]);
  });

  it('never reports an event the database stored under another key as inserted', async () => {
    // A lone surrogate is stored as U+FFFD on both databases, so the row that
    // comes back is not the key that was sent. The intake rejects such ids; the
    // store refuses to guess, and rolls the append back.
    const { store } = await createStore();
    const odd = newEvent('e1');
    odd.event = { ...odd.event, id: 'x\ud800' };
    await expect(store.append([newEvent('e2'), odd])).rejects.toThrow(
      /matches no event of the batch/,
    );
    expect((await store.stats()).total).toBe(0);
  });

  it('keeps the same id from different sources apart', async () => {
    const { store } = await createStore();
    const other = newEvent('e1');
    other.event = { ...other.event, source: 'other-deployer' };
    const inserted = await store.append([newEvent('e1'), other]);
    expect(inserted.filter(o => o.inserted)).toHaveLength(2);
  });

  it('appends large batches across insert chunks in one transaction', async () => {
    const { store } = await createStore();
    const batch = Array.from({ length: 2500 }, (_, i) => newEvent(`bulk${i}`));
    const inserted = await store.append(batch);
    expect(inserted.filter(o => o.inserted)).toHaveLength(2500);
    expect((await store.stats()).total).toBe(2500);
    // Resent with new events between them: each old one found in its chunk.
    const mixed = batch.flatMap((e, i) =>
      i % 2 ? [e] : [e, newEvent(`more${i}`)],
    );
    const outcomes = await store.append(mixed);
    expect(outcomes.map(o => o.inserted)).toEqual(
      mixed.map(e => e.event.id.startsWith('more')),
    );
    expect(
      outcomes.every(
        (o, i) =>
          o.inserted || (o.stored as { id: string }).id === mixed[i].event.id,
      ),
    ).toBe(true);
  });

  it('lists newest first with filters and a cursor', async () => {
    const { store } = await createStore();
    await store.append([
      newEvent('e1'),
      newEvent('e2', { entityRef: null, linkReason: 'no catalog entity' }),
      newEvent('e3'),
    ]);
    const page1 = await store.list({ limit: 2 });
    expect(page1.map(e => e.id)).toEqual(['e3', 'e2']);
    const page2 = await store.list({ limit: 2, before: page1[1].seq });
    expect(page2.map(e => e.id)).toEqual(['e1']);

    const unlinked = await store.list({ limit: 10, unlinked: true });
    expect(unlinked).toEqual([
      expect.objectContaining({
        id: 'e2',
        linkStatus: 'unlinked',
        linkReason: 'no catalog entity',
        entityRef: null,
        subject: { kind: 'repository', name: 'acme/payments-api' },
      }),
    ]);
    const byEntity = await store.list({
      limit: 10,
      entityRef: 'component:default/payments-api',
      types: ['deployment.finished'],
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-11-05T00:00:00.000Z',
    });
    // e2 falls in the window but is unlinked; e1 is before it.
    expect(byEntity.map(e => e.id)).toEqual(['e3']);
  });

  it('links unlinked events later without touching linked ones', async () => {
    const { store } = await createStore();
    await store.append([
      newEvent('e1', { entityRef: null, linkReason: 'not yet' }),
      newEvent('e2'),
    ]);
    const pending = await store.listUnlinked(0, 10);
    expect(pending).toHaveLength(1);
    await store.updateLinks([
      {
        seq: pending[0].seq,
        entityRef: 'component:default/x',
        linkReason: null,
      },
    ]);
    const stats = await store.stats();
    expect(stats.unlinked).toBe(0);
    const [e1] = await store.list({
      limit: 1,
      entityRef: 'component:default/x',
    });
    expect(e1).toMatchObject({
      id: 'e1',
      linkStatus: 'linked',
      linkReason: null,
    });
  });

  it('finds the newest occurredAt for a source prefix', async () => {
    const { store } = await createStore();
    expect(await store.latestOccurredAt('test-')).toBeNull();
    await store.append([newEvent('e1'), newEvent('e5')]);
    expect(await store.latestOccurredAt('test-')).toBe(
      '2026-11-06T10:00:00.000Z',
    );
    expect(await store.latestOccurredAt('demo-')).toBeNull();
  });

  it('migrates down cleanly', async () => {
    const { knex } = await createStore();
    expect(await knex.schema.hasTable('events')).toBe(true);
    await knex.migrate.rollback(
      {
        directory: resolvePackagePath(
          '@goldenpath/plugin-platform-backend',
          'migrations',
        ),
      },
      true,
    );
    expect(await knex.schema.hasTable('events')).toBe(false);
  });
});
