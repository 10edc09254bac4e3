/*
 * The PostgreSQL preflight of `npm test` (scripts/lib/postgresPreflight.mjs):
 * an empty or unset variable, or a server that does not answer, must fail the
 * run instead of letting TestDatabases drop the PostgreSQL half of the store
 * tests. The last case connects to the server the store tests use.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  POSTGRES_VARIABLE,
  checkPostgres,
  packageNeedsPostgres,
} from '../../../scripts/lib/postgresPreflight.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const backendDir = path.join(root, 'plugins', 'platform-backend');

/** A local port nothing listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise(r => server.close(r));
  return port;
}

describe('postgres preflight', () => {
  it('finds the packages whose tests ask for PostgreSQL', () => {
    assert.equal(packageNeedsPostgres(backendDir), true);
    assert.equal(
      packageNeedsPostgres(path.join(root, 'plugins', 'platform-common')),
      false,
    );
  });

  it('fails on an empty or unset connection variable', async () => {
    for (const connectionString of ['', '  ', undefined]) {
      const problems = await checkPostgres({
        connectionString,
        packageDir: backendDir,
      });
      assert.equal(problems.length, 1);
      assert.match(
        problems[0],
        new RegExp(`^${POSTGRES_VARIABLE} is (empty|unset)`),
      );
    }
  });

  it('fails when the server does not answer, without showing the password', async () => {
    const port = await closedPort();
    const problems = await checkPostgres({
      connectionString: `postgresql://postgres:hunter2@127.0.0.1:${port}`,
      packageDir: backendDir,
      timeoutMs: 2000,
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /PostgreSQL is not reachable/);
    assert.doesNotMatch(problems[0], /hunter2/);
  });

  it('passes against the server the store tests use', async () => {
    const connectionString =
      process.env[POSTGRES_VARIABLE] ?? 'postgresql://postgres@127.0.0.1:5432';
    assert.deepEqual(
      await checkPostgres({ connectionString, packageDir: backendDir }),
      [],
    );
  });
});
