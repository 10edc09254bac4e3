/*
 * Before `npm test` runs anything: the packages whose tests ask for
 * PostgreSQL (a test source naming the TestDatabases id POSTGRES_15) need the
 * server named by BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. Without
 * it, TestDatabases quietly drops the PostgreSQL half of every store test, so a
 * run would look green having tested SQLite only. This check fails loudly
 * instead.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const POSTGRES_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/** True when a test source under `<dir>/src` names the POSTGRES_15 test database. */
export function packageNeedsPostgres(dir) {
  const src = path.join(dir, 'src');
  if (!fs.existsSync(src)) return false;
  const stack = [src];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') stack.push(full);
      } else if (
        SOURCE.test(entry.name) &&
        fs.readFileSync(full, 'utf8').includes('POSTGRES_15')
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Connects to the server and asks its version. Returns a list of problems
 * (empty when fine). `packageDir` is a package that depends on `pg`, used to
 * resolve it.
 */
export async function checkPostgres({
  connectionString,
  packageDir,
  timeoutMs = 5000,
}) {
  if (connectionString === undefined || connectionString.trim() === '') {
    return [
      `${POSTGRES_VARIABLE} is ${
        connectionString === undefined ? 'unset' : 'empty'
      }: the PostgreSQL half of the store tests would be skipped silently. Point it at a PostgreSQL 15 server (e.g. postgresql://postgres@127.0.0.1:5432), or unset it so npm test uses that default.`,
    ];
  }
  let Client;
  try {
    ({ Client } = createRequire(path.join(packageDir, 'package.json'))('pg'));
  } catch (error) {
    return [`cannot load the pg driver from ${packageDir}: ${error.message}`];
  }
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
  });
  try {
    await client.connect();
    const { rows } = await client.query(
      "select current_setting('server_version_num')::int as version",
    );
    const major = Math.floor(rows[0].version / 10000);
    if (major !== 15) {
      console.warn(
        `[run-tests] ${POSTGRES_VARIABLE} points at PostgreSQL ${major}; the tests name it POSTGRES_15`,
      );
    }
    return [];
  } catch (error) {
    return [
      `PostgreSQL is not reachable at ${redact(connectionString)} (${
        error.message || error.code || error
      }): start it (pg_ctlcluster 15 main start) or point ${POSTGRES_VARIABLE} at a server`,
    ];
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(connectionString) {
  return connectionString.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
