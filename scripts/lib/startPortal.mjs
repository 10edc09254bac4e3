/*
 * Starts the example backend (which also serves the built app) on its own port
 * with a temporary SQLite folder. Used by the browser test and the benchmark.
 * `app` names the frontend package that app-backend serves (`app.packageName`):
 * `app` (New Frontend System) or `app-legacy`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function startPortal({
  root,
  port = 7017,
  demo = true,
  app = 'app',
}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-e2e-'));
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
      '  database:',
      '    client: better-sqlite3',
      '    connection:',
      `      directory: ${path.join(dataDir, 'sqlite')}`,
      'platform:',
      '  demo:',
      `    enabled: ${demo}`,
      '    historyDays: 14',
      '    telemetryDays: 1',
      '    schedule:',
      '      frequency: { hours: 1 }',
      '      timeout: { minutes: 5 }',
      '      initialDelay: { seconds: 3 }',
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
    },
  };
  await portal.waitFor(async () => {
    const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    return res.ok;
  }, 180_000);
  return portal;
}
