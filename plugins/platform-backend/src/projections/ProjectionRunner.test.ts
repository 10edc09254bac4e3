import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Knex, knex as createKnex } from 'knex';
import { deploymentEvent } from '../__testUtils__/events';
import { createDoraProjection } from '../dora/doraProjection';
import { DatabaseDoraStore } from '../dora/DatabaseDoraStore';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { LinkedLogEvent } from '../eventLog/EventStore';
import { DatabaseProjectionStateStore } from './DatabaseProjectionStateStore';
import { Projection } from './Projection';
import { ProjectionRunner } from './ProjectionRunner';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(120_000);
const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);

const PAYMENTS = 'component:default/payments-api';
const LEDGER = 'component:default/ledger-service';

/** `count` linked deployments alternating between two entities. */
function deployments(count: number, from = 1) {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const event = deploymentEvent({
      id: `deploy-${n}`,
      data: {
        deploymentId: `deploy-${n}`,
        finishedAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
      },
    });
    return {
      event: event as any,
      receivedAt: '2026-11-10T00:00:00.000Z',
      entityRef: n % 2 ? PAYMENTS : LEDGER,
      linkReason: null,
    };
  });
}

/**
 * A projection that inserts one row per event with a plain INSERT (a second
 * application of the same event breaks the primary key) and remembers which
 * seqs each call saw.
 */
async function recorder(
  knex: Knex,
  options: {
    failOn?: (e: LinkedLogEvent) => boolean;
    gate?: Promise<void>;
  } = {},
) {
  if (!(await knex.schema.hasTable('recorded'))) {
    await knex.schema.createTable('recorded', t => {
      t.bigInteger('seq').primary();
      t.string('entity_ref', 400).notNullable();
    });
  }
  const calls: number[][] = [];
  const projection: Projection = {
    name: 'recorder',
    eventTypes: ['deployment.finished'],
    async apply(events, tx) {
      calls.push(events.map(e => e.seq));
      if (options.gate && events.length > 1) await options.gate;
      for (const e of events) {
        if (options.failOn?.(e)) throw new Error(`cannot apply ${e.event.id}`);
        await tx('recorded').insert({ seq: e.seq, entity_ref: e.entityRef });
      }
    },
  };
  return { projection, calls };
}

async function runnerOn(
  knex: Knex,
  projections: Projection[],
  pageSize: number,
) {
  const database = mockServices.database({ knex });
  return new ProjectionRunner({
    projections,
    events: await DatabaseEventStore.create({ database }),
    state: await DatabaseProjectionStateStore.create({ database }),
    logger: mockServices.logger.mock(),
    pageSize,
  });
}

const seqsOf = async (knex: Knex) =>
  (await knex('recorded').orderBy('seq')).map(r => Number(r.seq));

describe.each(databases.eachSupportedId())('ProjectionRunner (%s)', id => {
  async function setup(count: number) {
    const knex = await databases.init(id);
    const events = await DatabaseEventStore.create({
      database: mockServices.database({ knex }),
    });
    await events.append(deployments(count));
    return { knex, events };
  }

  it('applies every linked event of its types once, page by page, and moves the cursor with each page', async () => {
    const { knex, events } = await setup(12);
    await events.append([
      { ...deployments(1, 100)[0], entityRef: null, linkReason: 'unknown' },
    ]);
    const { projection, calls } = await recorder(knex);
    const runner = await runnerOn(knex, [projection], 5);
    expect(await runner.catchUp()).toBe(12);
    expect(calls.map(c => c.length)).toEqual([5, 5, 2]);
    expect(await seqsOf(knex)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(await runner.health()).toEqual({
      recorder: { cursor: 12, lag: 0, deadLetters: 0 },
    });
    expect(await runner.catchUp()).toBe(0);
  });

  it('records an event it cannot apply as a dead letter and moves on', async () => {
    const { knex } = await setup(6);
    const { projection } = await recorder(knex, {
      failOn: e => e.event.id === 'deploy-3',
    });
    const runner = await runnerOn(knex, [projection], 4);
    await runner.catchUp();
    expect(await seqsOf(knex)).toEqual([1, 2, 4, 5, 6]);
    expect((await runner.health()).recorder).toEqual({
      cursor: 6,
      lag: 0,
      deadLetters: 1,
    });
    const state = await DatabaseProjectionStateStore.create({
      database: mockServices.database({ knex }),
    });
    expect(await state.listDeadLetters('recorder', 10)).toEqual([
      expect.objectContaining({
        projection: 'recorder',
        seq: 3,
        source: 'test-deployer',
        eventId: 'deploy-3',
        eventType: 'deployment.finished',
        reason: 'cannot apply deploy-3',
      }),
    ]);
  });

  it('keeps a rewind that arrives while a page is being applied', async () => {
    const { knex } = await setup(10);
    let open!: () => void;
    const gate = new Promise<void>(resolve => (open = resolve));
    const { projection, calls } = await recorder(knex, { gate });
    // Upserts stand in for an idempotent projection: replays must not fail.
    projection.apply = async (events, tx) => {
      calls.push(events.map(e => e.seq));
      if (calls.length === 2) await gate;
      for (const e of events) {
        await tx('recorded')
          .insert({ seq: e.seq, entity_ref: e.entityRef })
          .onConflict('seq')
          .ignore();
      }
    };
    const runner = await runnerOn(knex, [projection], 5);
    const running = runner.catchUp();
    while (calls.length < 2) await new Promise(r => setTimeout(r, 10));
    const rewound = runner.rewind(2); // events 3.. were relinked
    open();
    await Promise.all([running, rewound]);
    await runner.catchUp();
    const applied = calls.flat();
    for (let seq = 3; seq <= 10; seq++) {
      expect(applied.filter(s => s === seq).length).toBeGreaterThanOrEqual(2);
    }
    expect((await runner.health()).recorder.cursor).toBe(10);
  });

  it('moves a cursor back on rewind, never forward', async () => {
    const { knex } = await setup(8);
    const { projection } = await recorder(knex);
    const runner = await runnerOn(knex, [projection], 100);
    await runner.catchUp();
    await runner.rewind(20);
    expect((await runner.health()).recorder.cursor).toBe(8);
    await runner.rewind(3);
    expect((await runner.health()).recorder).toEqual({
      cursor: 3,
      lag: 5,
      deadLetters: 0,
    });
  });

  it('feeds unlinked events only to a projection that opts in, and counts them in its lag', async () => {
    const { knex, events } = await setup(3);
    await events.append(
      deployments(2, 100).map(d => ({
        ...d,
        entityRef: null,
        linkReason: 'unknown',
      })),
    );
    const { projection: linkedOnly } = await recorder(knex);
    const seen: Array<[number, string | null]> = [];
    const everything: Projection = {
      name: 'everything',
      eventTypes: ['deployment.finished'],
      includeUnlinked: true,
      async apply(page) {
        seen.push(...page.map(e => [e.seq, e.entityRef] as [number, null]));
      },
    };
    const runner = await runnerOn(knex, [linkedOnly, everything], 2);
    expect((await runner.health()).everything.lag).toBe(5);
    expect((await runner.health()).recorder.lag).toBe(3);
    await runner.catchUp();
    expect(await seqsOf(knex)).toEqual([1, 2, 3]);
    expect(seen).toEqual([
      [1, PAYMENTS],
      [2, LEDGER],
      [3, PAYMENTS],
      [4, null],
      [5, null],
    ]);
    expect((await runner.health()).everything).toEqual({
      cursor: 5,
      lag: 0,
      deadLetters: 0,
    });
  });

  it('settles once the pages are applied, again while work remains, and retries a failed settle on the next catch-up', async () => {
    const { knex } = await setup(5);
    const { projection, calls } = await recorder(knex);
    const settled: number[][] = [];
    let remaining = 2;
    let fail = true;
    projection.settle = async tx => {
      if (fail) {
        fail = false;
        throw new Error('not yet');
      }
      settled.push(await seqsOf(tx as unknown as Knex));
      remaining -= 1;
      return remaining > 0;
    };
    const runner = await runnerOn(knex, [projection], 2);
    await runner.catchUp();
    expect(calls).toHaveLength(3);
    expect(settled).toEqual([]);
    await runner.catchUp();
    // after every page, twice: the first call reported more work
    expect(settled).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ]);
  });

  it('refuses two projections with one name', async () => {
    const { knex } = await setup(0);
    const { projection } = await recorder(knex);
    await expect(runnerOn(knex, [projection, projection], 5)).rejects.toThrow(
      /unique/,
    );
  });
});

describe('two backend replicas on one PostgreSQL database', () => {
  const pg = requirePostgres(TestDatabases.create({ ids: ['POSTGRES_15'] }));
  const replicas: Knex[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map(k => k.destroy()));
  });

  /** A second connection pool to the same database, as another replica has. */
  function secondReplica(knex: Knex): Knex {
    const replica = createKnex({
      client: 'pg',
      connection: knex.client.config.connection,
      pool: { min: 0, max: 5 },
    });
    replicas.push(replica);
    return replica;
  }

  async function doraRows(knex: Knex) {
    return {
      deployments: await knex('dora_deployments').orderBy('deployment_id'),
      recorded: await seqsOf(knex),
    };
  }

  it.each(pg.eachSupportedId())(
    'never apply one page twice and end where one runner ends (%s)',
    async id => {
      const COUNT = 600;
      const buildRunner = async (knex: Knex) => {
        const doraStore = await DatabaseDoraStore.create({
          database: mockServices.database({ knex }),
        });
        const rec = await recorder(knex);
        const runner = await runnerOn(
          knex,
          [createDoraProjection(doraStore), rec.projection],
          23,
        );
        return { runner, calls: rec.calls };
      };

      // One runner alone: the reference result.
      const single = await pg.init(id);
      await (
        await DatabaseEventStore.create({
          database: mockServices.database({ knex: single }),
        })
      ).append(deployments(COUNT));
      await (await buildRunner(single)).runner.catchUp();

      // Two replicas, each with its own connection pool, racing.
      const first = await pg.init(id);
      const second = secondReplica(first);
      await (
        await DatabaseEventStore.create({
          database: mockServices.database({ knex: first }),
        })
      ).append(deployments(COUNT));
      const a = await buildRunner(first);
      const b = await buildRunner(second);
      const [readA, readB] = await Promise.all([
        a.runner.catchUp(),
        b.runner.catchUp(),
      ]);

      // Every event was read once across both replicas: no page twice.
      expect(readA + readB).toBe(2 * COUNT); // two projections
      const seen = [...a.calls.flat(), ...b.calls.flat()].sort((x, y) => x - y);
      expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
      expect(a.calls.length).toBeGreaterThan(0);
      expect(b.calls.length).toBeGreaterThan(0);
      expect(await doraRows(first)).toEqual(await doraRows(single));
      expect(await a.runner.health()).toEqual(await b.runner.health());
    },
  );
});
