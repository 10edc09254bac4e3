import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * Fails the test file when PostgreSQL is not among the databases it will run
 * on. TestDatabases silently leaves POSTGRES_15 out when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is unset or empty and
 * Docker is disabled, and `describe.each(databases.eachSupportedId())` then
 * runs the SQLite half only: a green run that never touched PostgreSQL.
 *
 * Use it on every `TestDatabases.create` that names POSTGRES_15:
 * `const databases = requirePostgres(TestDatabases.create({ ids: [...] }))`.
 */
export function requirePostgres(databases: TestDatabases): TestDatabases {
  if (!databases.supports('POSTGRES_15')) {
    throw new Error(
      'PostgreSQL is not available to these tests, so their PostgreSQL half would be skipped. ' +
        'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (e.g. postgresql://postgres@127.0.0.1:5432) ' +
        'and BACKSTAGE_TEST_DISABLE_DOCKER=1, as npm test does.',
    );
  }
  return databases;
}

/** PostgreSQL 15 and SQLite, the databases every store-backed suite runs on. */
export function createTestDatabases(): TestDatabases {
  return requirePostgres(
    TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
  );
}
