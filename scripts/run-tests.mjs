#!/usr/bin/env node
/*
 * `npm test`: every package's tests through turbo, then one closing line
 * "N passed, N failed, N skipped" summed over all reports (jest JSON and
 * node:test TAP, in test-output/reports). Arguments go to `turbo run test`
 * (e.g. `npm test -- --filter=@goldenpath/plugin-dora`).
 *
 * The run fails (exit 1, failed >= 1) when a package with a `test` script
 * wrote no report, a jest suite failed to load, a node:test test was
 * cancelled (timed out), or PostgreSQL is missing while store tests expect
 * it: see scripts/lib/testReports.mjs and scripts/lib/postgresPreflight.mjs.
 *
 * Database tests run on SQLite and on the PostgreSQL server at 127.0.0.1:5432
 * (trust auth); point BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * elsewhere to use another server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  POSTGRES_VARIABLE,
  checkPostgres,
  packageNeedsPostgres,
} from './lib/postgresPreflight.mjs';
import {
  closingLine,
  expectedReports,
  listWorkspacePackages,
  readReports,
  summariseReports,
} from './lib/testReports.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reportsDir = path.join(root, 'test-output', 'reports');
const turboArgs = process.argv.slice(2);

const env = {
  ...process.env,
  CI: process.env.CI ?? 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  BACKSTAGE_TEST_DISABLE_DOCKER:
    process.env.BACKSTAGE_TEST_DISABLE_DOCKER ?? '1',
  // Unset means the local default; set but empty is a mistake the preflight
  // reports (TestDatabases would treat it as "no PostgreSQL").
  [POSTGRES_VARIABLE]:
    process.env[POSTGRES_VARIABLE] ?? 'postgresql://postgres@127.0.0.1:5432',
  GOLDENPATH_TEST_REPORTS: reportsDir,
};

function finish(summary, status) {
  for (const p of summary.packages ?? []) {
    if (p.failed || p.problems.length) {
      console.log(
        `  ${p.name ?? p.report}: ${p.passed} passed, ${p.failed} failed, ${
          p.skipped
        } skipped`,
      );
    }
  }
  if (summary.problems.length) {
    console.log('\nProblems:');
    for (const problem of summary.problems) console.log(`  - ${problem}`);
  }
  console.log(`\n${closingLine(summary)}`);
  process.exit(status !== 0 || summary.failed > 0 ? 1 : 0);
}

/** The packages turbo will test: all of them, or those the arguments select. */
function selectExpected() {
  const all = expectedReports(listWorkspacePackages(root));
  if (turboArgs.length === 0) return all;
  const dry = spawnSync(
    'turbo',
    ['run', 'test', '--dry=json', '--env-mode=loose', ...turboArgs],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (dry.status !== 0) {
    console.error(dry.stderr);
    throw new Error(`turbo run test --dry=json ${turboArgs.join(' ')} failed`);
  }
  const selected = new Set(
    JSON.parse(dry.stdout)
      .tasks.filter(t => t.task === 'test' && t.command !== '<NONEXISTENT>')
      .map(t => t.package),
  );
  return all.filter(p => selected.has(p.name));
}

const expected = selectExpected();

// Preflight: PostgreSQL for the packages whose tests ask for it.
const needPostgres = expected.filter(p => packageNeedsPostgres(p.dir));
if (needPostgres.length) {
  const checks = await checkPostgres({
    connectionString: env[POSTGRES_VARIABLE],
    packageDir: needPostgres[0].dir,
  });
  if (checks.length) {
    console.error(
      `\nNot running the tests: ${needPostgres
        .map(p => p.name)
        .join(', ')} test on PostgreSQL.`,
    );
    finish(summariseReports({ expected: [], reports: {}, checks }), 1);
  }
}

fs.rmSync(reportsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });

const run = spawnSync(
  'turbo',
  [
    'run',
    'test',
    '--concurrency=1',
    '--continue',
    '--env-mode=loose',
    ...turboArgs,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
const status = run.status ?? 1;

const summary = summariseReports({
  expected,
  reports: readReports(reportsDir),
});
if (status !== 0 && summary.failed === 0) {
  // e.g. a build task a test depends on failed and turbo stopped early
  summary.failed = 1;
  summary.problems.push(`turbo exited with ${status} and no report failed`);
}
console.log('');
finish(summary, status);
