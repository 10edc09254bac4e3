/*
 * Starts the example backend (which also serves the built app) on its own port
 * with a temporary SQLite folder, or fresh PostgreSQL databases. Used by the
 * browser test and the benchmark.
 * `app` names the frontend package that app-backend serves (`app.packageName`):
 * `app` (New Frontend System) or `app-legacy`.
 * `database: 'pg'` uses the PostgreSQL server of the store tests
 * (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, default
 * 127.0.0.1:5432) with a prefix of its own: the backend creates one database
 * per plugin (`pluginDivisionMode: database`, the default) and stop() drops
 * them all.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const POSTGRES_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ||
  'postgresql://postgres@127.0.0.1:5432';

/** The `backend.database` lines, and how to clean up after it. */
function databaseConfig(root, kind, dataDir) {
  if (kind === 'sqlite') {
    return {
      lines: [
        '  database:',
        '    client: better-sqlite3',
        '    connection:',
        `      directory: ${path.join(dataDir, 'sqlite')}`,
      ],
      list: async () => [],
      drop: async () => {},
    };
  }
  if (kind !== 'pg') {
    throw new Error(`startPortal: database is 'sqlite' or 'pg', not ${kind}`);
  }
  // Database names are at most 63 bytes: prefix + plugin id must fit.
  const prefix = `gp_e2e_${process.pid}_${Date.now().toString(36)}_`;
  const { Client } = createRequire(
    path.join(root, 'packages', 'backend', 'package.json'),
  )('pg');
  /** The databases the backend created under the prefix. */
  const list = async existing => {
    const client = existing ?? new Client({ connectionString: POSTGRES_URL });
    if (!existing) await client.connect();
    try {
      const { rows } = await client.query(
        'select datname from pg_database where starts_with(datname, $1) order by datname',
        [prefix],
      );
      return rows.map(r => r.datname);
    } finally {
      if (!existing) await client.end();
    }
  };
  return {
    prefix,
    lines: [
      '  database:',
      '    client: pg',
      `    connection: ${JSON.stringify(POSTGRES_URL)}`,
      `    prefix: ${prefix}`,
    ],
    list,
    drop: async () => {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        for (const datname of await list(client)) {
          await client.query(
            `drop database if exists "${datname.replace(
              /"/g,
              '""',
            )}" with (force)`,
          );
        }
      } finally {
        await client.end();
      }
    },
  };
}

export async function startPortal({
  root,
  port = 7017,
  demo = true,
  app = 'app',
  database = 'sqlite',
}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-e2e-'));
  const db = databaseConfig(root, database, dataDir);
  if (database === 'pg') {
    // Fail now, clearly, rather than after the backend's readiness timeout.
    await db.list().catch(error => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(
        `startPortal: PostgreSQL is not reachable at ${POSTGRES_URL}: ${error.message}`,
      );
    });
  }
  const baseUrl = `http://localhost:${port}`;
  const configFile = path.join(dataDir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      `  packageName: ${app}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      ...db.lines,
      'platform:',
      '  demo:',
      `    enabled: ${demo}`,
      '    historyDays: 14',
      '    telemetryDays: 1',
      '    schedule:',
      '      frequency: { hours: 1 }',
      '      timeout: { minutes: 5 }',
      '      initialDelay: { seconds: 3 }',
      // the example's liveness check targets the portal itself: on this port
      '  canary:',
      '    clusters:',
      '      - name: prod-eu-west-1',
      '        checks:',
      '          - name: portal-liveness',
      '            capability: ingress',
      '            type: http',
      `            url: ${baseUrl}/.backstage/health/v1/liveness`,
      '            interval: 60',
      '            timeout: 10',
      '          - name: portal-dns',
      '            capability: dns',
      '            type: dns',
      '            hostname: localhost',
      '            interval: 60',
      '            timeout: 5',
      '  linker:',
      '    schedule:',
      '      frequency: { seconds: 5 }',
      '      timeout: { minutes: 1 }',
      '',
    ].join('\n'),
  );
  const logFile = path.join(
    root,
    'test-output',
    app === 'app' ? 'e2e-backend.log' : `e2e-backend-${app}.log`,
  );
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const backend = spawn(
    path.join(root, 'node_modules', '.bin', 'backstage-cli'),
    [
      'package',
      'start',
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(root, 'packages', 'backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const exited = new Promise(resolve => backend.once('exit', resolve));

  let token;
  const portal = {
    baseUrl,
    pid: backend.pid,
    database,
    databasePrefix: db.prefix,
    listDatabases: () => db.list(),
    async api(urlPath) {
      if (!token) {
        const res = await fetch(
          `${baseUrl}/api/auth/guest/refresh?env=development`,
          {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          },
        );
        token = (await res.json()).backstageIdentity.token;
      }
      return fetch(`${baseUrl}${urlPath}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    },
    async waitFor(probe, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let lastError;
      while (Date.now() < deadline) {
        if (backend.exitCode !== null) {
          throw new Error(
            `backend exited (${backend.exitCode}); see ${logFile}`,
          );
        }
        try {
          const value = await probe();
          if (value) return value;
        } catch (error) {
          lastError = error;
        }
        await new Promise(r => setTimeout(r, 1000));
      }
      throw new Error(
        `timed out after ${timeoutMs} ms: ${
          lastError ?? 'no result'
        }; see ${logFile}`,
      );
    },
    async stop() {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await db.drop();
    },
  };
  try {
    await portal.waitFor(async () => {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return res.ok;
    }, 180_000);
  } catch (error) {
    // no process or databases left behind; the readiness error is the news
    await portal.stop().catch(() => {});
    throw error;
  }
  return portal;
}
