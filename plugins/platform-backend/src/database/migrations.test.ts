import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(60_000);
const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);
const directory = resolvePackagePath(
  '@goldenpath/plugin-platform-backend',
  'migrations',
);

/** Applies migrations one at a time until `name` is the last one applied. */
async function migrateTo(knex: Knex, name: string) {
  for (;;) {
    const [done, pending] = await knex.migrate.list({ directory });
    if (done.some((m: { name: string }) => m.name === name)) return;
    if (pending.length === 0) throw new Error(`no migration ${name}`);
    await knex.migrate.up({ directory });
  }
}

const deploymentRow = (entityRef: string, deploymentId: string) => ({
  source: 'ci',
  deployment_id: deploymentId,
  entity_ref: entityRef,
  environment: 'production',
  sha: 'abc',
  status: 'success',
  started_at: '2026-11-02T10:00:00.000Z',
  finished_at: '2026-11-02T10:00:00.000Z',
  change_shas: '[]',
  rollback: false,
});
const changeRow = (entityRef: string) => ({
  source: 'gh',
  repository: 'acme/mono',
  pr_number: 1,
  entity_ref: entityRef,
  merge_sha: 'abc',
  opened_at: '2026-11-01T10:00:00.000Z',
  merged_at: '2026-11-02T10:00:00.000Z',
  additions: 1,
  deletions: 0,
  commits: '[]',
  labels: '[]',
});
const incidentRow = (entityRef: string) => ({
  source: 'pd',
  incident_id: '7',
  entity_ref: entityRef,
  severity: 'SEV1',
  opened_at: '2026-11-02T11:00:00.000Z',
});
/**
 * Whether an insert fails on the primary key. By error code: better-sqlite3's
 * error class may come from another test file's realm, so `toThrow` can miss it.
 */
async function keyConflict(insert: Promise<unknown>): Promise<boolean> {
  try {
    await insert;
    return false;
  } catch (error) {
    return /^(23505|SQLITE_CONSTRAINT_PRIMARYKEY)$/.test(
      String((error as { code?: unknown }).code),
    );
  }
}

const A = 'component:default/a';
const B = 'component:default/b';

describe.each(databases.eachSupportedId())('migrations (%s)', id => {
  it('dora_entity_keys: keys DORA rows per entity and replays the projection, keeping the rows', async () => {
    const knex = await databases.init(id);
    await migrateTo(knex, '20261129000000_projections_dead_letters.js');
    await knex('dora_deployments').insert(deploymentRow(A, '42'));
    await knex('dora_changes').insert(changeRow(A));
    await knex('dora_incidents').insert(incidentRow(A));
    await knex('projection_cursors').insert([
      { name: 'dora', last_seq: 500 },
      { name: 'other', last_seq: 300 },
    ]);
    // the old key: B's deployment 42 cannot sit next to A's
    expect(
      await keyConflict(
        knex('dora_deployments').insert(deploymentRow(B, '42')),
      ),
    ).toBe(true);

    await migrateTo(knex, '20261207010000_dora_entity_keys.js');
    expect(
      await knex('dora_deployments').select('entity_ref', 'deployment_id'),
    ).toEqual([{ entity_ref: A, deployment_id: '42' }]);
    expect(await knex('dora_changes').pluck('entity_ref')).toEqual([A]);
    expect(await knex('dora_incidents').pluck('entity_ref')).toEqual([A]);
    const cursors = await knex('projection_cursors')
      .orderBy('name')
      .select('name', 'last_seq');
    expect(cursors.map(c => [c.name, Number(c.last_seq)])).toEqual([
      ['dora', 0],
      ['other', 300],
    ]);
    // now each entity has its own row
    await knex('dora_deployments').insert(deploymentRow(B, '42'));
    await knex('dora_changes').insert(changeRow(B));
    await knex('dora_incidents').insert(incidentRow(B));
    expect(
      await keyConflict(
        knex('dora_deployments').insert(deploymentRow(B, '42')),
      ),
    ).toBe(true);

    // down: the old keys cannot hold both, so the tables are emptied for a replay
    await knex('projection_cursors')
      .where('name', 'dora')
      .update({ last_seq: 900 });
    await knex.migrate.down({ directory });
    for (const table of [
      'dora_deployments',
      'dora_changes',
      'dora_incidents',
    ]) {
      expect(await knex(table).select()).toEqual([]);
    }
    expect(
      Number(
        (await knex('projection_cursors').where('name', 'dora').first())
          .last_seq,
      ),
    ).toBe(0);
    await knex('dora_deployments').insert(deploymentRow(A, '42'));
    expect(
      await keyConflict(
        knex('dora_deployments').insert(deploymentRow(B, '42')),
      ),
    ).toBe(true);
  });

  it('events_relink_retention_indexes: adds and drops the partial indexes', async () => {
    const knex = await databases.init(id);
    const indexes = async (): Promise<string[]> => {
      const names =
        id === 'POSTGRES_15'
          ? (
              await knex.raw(
                "select indexname as name from pg_indexes where tablename = 'events'",
              )
            ).rows
          : await knex.raw(
              "select name from sqlite_master where type = 'index' and tbl_name = 'events'",
            );
      return names
        .map((r: { name: string }) => r.name)
        .filter((n: string) => /^events_(unlinked|raw)_/.test(n))
        .sort();
    };
    await migrateTo(knex, '20261207020000_events_relink_retention_indexes.js');
    expect(await indexes()).toEqual([
      'events_raw_received_idx',
      'events_unlinked_seq_idx',
    ]);
    await knex.migrate.down({ directory });
    expect(await indexes()).toEqual([]);
  });
});
