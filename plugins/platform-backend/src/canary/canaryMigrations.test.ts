import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);
const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@goldenpath/plugin-platform-backend',
  'migrations',
);
const TABLES = [
  'canary_runs',
  'canary_hours',
  'canary_days',
  'canary_checks',
  'canary_transitions',
  'canary_rollouts',
];

describe.each(databases.eachSupportedId())('canary migrations (%s)', id => {
  it('create the canary tables, and drop them going down', async () => {
    const knex = await databases.init(id as TestDatabaseId);
    await knex.migrate.latest({ directory });
    const exist = () => Promise.all(TABLES.map(t => knex.schema.hasTable(t)));
    expect(await exist()).toEqual(TABLES.map(() => true));
    await knex('canary_days').insert({
      cluster: 'c',
      check_name: 'k',
      day_start: '2026-11-09T00:00:00.000Z',
      capability: 'dns',
      runs: 1,
      passes: 1,
      fails: 0,
      timeouts: 0,
      errors: 0,
      maintenance_runs: 0,
      durations_ms: '[5]',
    });
    await knex.migrate.down({
      directory,
      name: '20261214010000_canary_days.js',
    });
    await knex.migrate.down({
      directory,
      name: '20261214000000_canary_tables.js',
    });
    expect(await exist()).toEqual(TABLES.map(() => false));
    await knex.migrate.latest({ directory });
    expect(await exist()).toEqual(TABLES.map(() => true));
  });
});
