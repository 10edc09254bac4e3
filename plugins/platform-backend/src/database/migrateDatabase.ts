import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@goldenpath/plugin-platform-backend',
  'migrations',
);

/** The plugin's knex client, migrated to the latest schema unless told not to. */
export async function migratedClient(
  database: DatabaseService,
  skipMigrations?: boolean,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!skipMigrations && !database.migrations?.skip) {
    await knex.migrate.latest({ directory: migrationsDir });
  }
  return knex;
}
