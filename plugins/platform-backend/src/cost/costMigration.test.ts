import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);
const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@goldenpath/plugin-platform-backend',
  'migrations',
);
const names = [
  '20261210010000_cost_dirty_days.js',
  '20261210000000_cost_tables.js',
];
const tables = [
  'cost_samples',
  'cost_node_hours',
  'cost_dirty_hours',
  'cost_container_hours',
  'cost_cluster_hours',
  'cost_controller_days',
  'cost_cluster_days',
  'cost_deployments',
  'cost_dirty_days',
];

describe.each(databases.eachSupportedId())('cost migration (%s)', id => {
  it('creates the cost tables, drops them going down and creates them again', async () => {
    const knex = await databases.init(id as TestDatabaseId);
    await knex.migrate.latest({ directory });
    const exists = async () =>
      Promise.all(tables.map(t => knex.schema.hasTable(t)));
    expect(await exists()).toEqual(tables.map(() => true));

    await knex('cost_dirty_hours').insert({
      cluster: 'c',
      hour_start: '2026-11-02T00:00:00.000Z',
    });
    // the natural key holds
    await expect(
      knex('cost_dirty_hours').insert({
        cluster: 'c',
        hour_start: '2026-11-02T00:00:00.000Z',
      }),
    ).rejects.toBeTruthy();

    for (const name of names) await knex.migrate.down({ directory, name });
    expect(await exists()).toEqual(tables.map(() => false));
    for (const name of [...names].reverse()) {
      await knex.migrate.up({ directory, name });
    }
    expect(await exists()).toEqual(tables.map(() => true));
  });
});
