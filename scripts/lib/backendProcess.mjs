/*
 * The example backend as a process that a harness can kill and start again on
 * the same data: the fuzz, crash and replica runs need that, the browser test
 * (startPortal.mjs) does not. SQLite in a folder of the caller's, or
 * PostgreSQL with a database-name prefix shared by replicas.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const INGEST_TOKEN = 'local-dev-ingest-token';

/** app-config lines for one backend process. */
function configLines({ port, dataDir, database, logLevelDebug, extra }) {
  const db =
    database.client === 'pg'
      ? [
          '  database:',
          '    client: pg',
          // An object, not a connection string: with a string every plugin
          // would share the server's default database instead of getting
          // its own `<prefix>plugin_<id>`.
          '    connection:',
          `      host: ${new URL(database.url).hostname}`,
          `      port: ${new URL(database.url).port || 5432}`,
          `      user: ${
            decodeURIComponent(new URL(database.url).username) || 'postgres'
          }`,
          ...(new URL(database.url).password
            ? [
                `      password: ${decodeURIComponent(
                  new URL(database.url).password,
                )}`,
              ]
            : []),
          `    prefix: ${database.prefix}`,
          ...(database.pool
            ? [
                '    knexConfig:',
                `      pool: { min: ${database.pool.min}, max: ${database.pool.max} }`,
              ]
            : []),
        ]
      : [
          '  database:',
          '    client: better-sqlite3',
          '    connection:',
          `      directory: ${path.join(dataDir, 'sqlite')}`,
        ];
  return [
    'app:',
    `  baseUrl: http://localhost:${port}`,
    'backend:',
    `  baseUrl: http://localhost:${port}`,
    '  listen:',
    `    port: ${port}`,
    ...db,
    'platform:',
    '  demo:',
    '    enabled: false',
    ...(extra ?? []),
    '',
  ].join('\n');
}

/**
 * One backend process. `start()` spawns it (in its own process group, so
 * `kill('SIGKILL')` takes the whole tree) and waits until it is ready;
 * `start()` again after a kill restarts it on the same data.
 */
export function backendProcess({
  root,
  port,
  dataDir,
  database = { client: 'sqlite' },
  extraConfig,
  name = `backend-${port}`,
  env = {},
}) {
  fs.mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(dataDir, `app-config.${name}.yaml`);
  fs.writeFileSync(
    configFile,
    configLines({ port, dataDir, database, extra: extraConfig }),
  );
  const logFile = path.join(root, 'test-output', `${name}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const baseUrl = `http://localhost:${port}`;
  let child;
  let exited;
  let starts = 0;

  const self = {
    baseUrl,
    logFile,
    get pid() {
      return child?.pid;
    },
    get alive() {
      return Boolean(child && child.exitCode === null && !child.killed);
    },
    async start(timeoutMs = 180_000) {
      const log = fs.openSync(logFile, starts++ === 0 ? 'w' : 'a');
      // The backend's TypeScript runs through the CLI's require hook, as
      // `backstage-cli package start` does, but without its file watcher: a
      // harness must not be restarted by an edit elsewhere in the tree.
      child = spawn(
        process.execPath,
        [
          '--enable-source-maps',
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
          'src/index.ts',
          '--config',
          path.join(root, 'app-config.yaml'),
          '--config',
          configFile,
        ],
        {
          cwd: path.join(root, 'packages', 'backend'),
          env: { ...process.env, NODE_ENV: 'development', ...env },
          stdio: ['ignore', log, log],
          detached: true,
        },
      );
      exited = new Promise(resolve => child.once('exit', resolve));
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) {
          throw new Error(`${name} exited (${child.exitCode}); see ${logFile}`);
        }
        try {
          const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
          if (res.ok) return self;
        } catch {
          /* not listening yet */
        }
        await new Promise(r => setTimeout(r, 500));
      }
      throw new Error(
        `${name} not ready after ${timeoutMs} ms; see ${logFile}`,
      );
    },
    /** Sends a signal to the whole process group; resolves when it is gone. */
    async kill(signal = 'SIGTERM') {
      if (!child || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
    },
    stop() {
      return self.kill('SIGTERM');
    },
  };
  return self;
}

/** A guest user's token, as the sign-in page gets it. */
export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}
