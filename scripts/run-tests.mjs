#!/usr/bin/env node
/*
 * `npm test`: every package's tests through turbo, then one closing line
 * "N passed, N failed" summed over all suites (jest JSON reports and the
 * browser test's report).
 *
 * Database tests run on SQLite and on the PostgreSQL server at 127.0.0.1:5432
 * (trust auth); point BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * elsewhere to use another server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reportsDir = path.join(root, 'test-output', 'reports');
fs.rmSync(reportsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });

const env = {
  ...process.env,
  CI: process.env.CI ?? 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  BACKSTAGE_TEST_DISABLE_DOCKER:
    process.env.BACKSTAGE_TEST_DISABLE_DOCKER ?? '1',
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432',
  GOLDENPATH_TEST_REPORTS: reportsDir,
};

const run = spawnSync(
  'turbo',
  [
    'run',
    'test',
    '--concurrency=1',
    '--continue',
    '--env-mode=loose',
    ...process.argv.slice(2),
  ],
  { cwd: root, env, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(reportsDir)) {
  const text = fs.readFileSync(path.join(reportsDir, file), 'utf8');
  if (file.endsWith('.tap')) {
    passed += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  } else {
    const report = JSON.parse(text);
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  }
}
const status = run.status ?? 1;
if (status !== 0 && failed === 0) failed = 1; // a suite that crashed before reporting
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status);
