/*
 * How `npm test` counts (scripts/lib/testReports.mjs). Every way a broken run
 * used to look green gets a case: a node:test timeout (reported as
 * "cancelled", not "fail"), a jest suite that failed to load (no assertions,
 * so not in numFailedTests), a package that wrote no report, a report cut
 * short. The node:test reports are produced here by running real fixture
 * files, so a change in node's TAP output shows up as a failing case.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
  closingLine,
  expectedReports,
  listWorkspacePackages,
  parseJestReport,
  parseTapReport,
  readReports,
  summariseReports,
} from '../../../scripts/lib/testReports.mjs';

const here = path.resolve(import.meta.dirname, '..');
const root = path.resolve(here, '..', '..');
const fixtures = path.join(here, 'fixtures');
const jestFixture = name =>
  fs.readFileSync(path.join(fixtures, 'jest', name), 'utf8');

/** Runs a fixture file under node --test and returns its TAP report. */
function tapOf(fixture) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-check-'));
  const out = path.join(dir, 'report.tap');
  spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=tap',
      `--test-reporter-destination=${out}`,
      path.join(fixtures, 'node-test', fixture),
    ],
    {
      stdio: 'ignore',
      timeout: 60_000,
      // Inside a node:test run this variable makes a nested runner talk to
      // its parent instead of writing the report.
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    },
  );
  const text = fs.readFileSync(out, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

const tap = {};
before(() => {
  for (const name of ['mixed', 'passing', 'killed']) {
    tap[name] = tapOf(`${name}.fixture.mjs`);
  }
});

describe('parseTapReport (node:test)', () => {
  it('counts a timed-out test as failed: node reports it as cancelled, with fail 0 for it', () => {
    assert.match(tap.mixed, /^# cancelled 1$/m);
    const counts = parseTapReport(tap.mixed);
    // fails (1) + times out (cancelled, 1) + the describe that threw (1)
    assert.equal(counts.failed, 3);
    assert.equal(counts.passed, 1);
    assert.match(counts.problems.join('\n'), /1 test\(s\) cancelled/);
  });

  it('counts a describe whose body throws, which no summary field counts', () => {
    const counts = parseTapReport(tap.mixed);
    assert.match(
      counts.problems.join('\n'),
      /suite "a describe whose body throws" failed \(testCodeFailure: cannot set up\)/,
    );
  });

  it('shows skipped and todo tests as skipped', () => {
    assert.equal(parseTapReport(tap.mixed).skipped, 2);
    assert.deepEqual(parseTapReport(tap.passing), {
      passed: 2,
      failed: 0,
      skipped: 1,
      problems: [],
    });
  });

  it('counts a report cut short (the runner died) as failed', () => {
    assert.match(tap.killed, /^ok 1 - first$/m);
    assert.doesNotMatch(tap.killed, /^# tests/m);
    const counts = parseTapReport(tap.killed);
    assert.equal(counts.failed, 1);
    assert.match(counts.problems[0], /no summary/);
  });

  it('counts a summary whose fields do not add up as failed', () => {
    const text =
      '# tests 4\n# pass 2\n# fail 0\n# cancelled 0\n# skipped 1\n# todo 0\n';
    const counts = parseTapReport(text);
    assert.equal(counts.failed, 1);
    assert.match(counts.problems[0], /says 4 tests but .* add up to 3/);
  });
});

describe('parseJestReport', () => {
  it('counts a suite that failed to load as failed, which numFailedTests does not', () => {
    const text = jestFixture('suite-failed-to-load.json');
    assert.equal(JSON.parse(text).numFailedTests, 1);
    const counts = parseJestReport(text);
    assert.equal(counts.failed, 2); // the failing test + the suite that never ran
    assert.equal(counts.passed, 1);
    assert.equal(counts.skipped, 2); // one skipped, one todo
    assert.deepEqual(counts.problems, [
      'suite failed to run: /repo/plugins/example/src/broken.test.js (cannot load: POSTGRES_15 missing)',
    ]);
  });

  it('counts numRuntimeErrorTestSuites even without per-suite results', () => {
    const report = JSON.parse(jestFixture('suite-failed-to-load.json'));
    delete report.testResults;
    assert.equal(parseJestReport(JSON.stringify(report)).failed, 2);
  });

  it('reads a passing report as it is', () => {
    assert.deepEqual(parseJestReport(jestFixture('passing.json')), {
      passed: 2,
      failed: 0,
      skipped: 1,
      problems: [],
    });
  });

  it('counts an unparseable report, and an unsuccessful run with no failure, as failed', () => {
    assert.equal(parseJestReport('{"numPassedTests": 3,').failed, 1);
    const report = JSON.parse(jestFixture('passing.json'));
    report.success = false;
    assert.equal(parseJestReport(JSON.stringify(report)).failed, 1);
  });
});

describe('summariseReports', () => {
  const expected = [
    { name: 'a', report: 'a.json' },
    { name: 'b', report: 'b.tap' },
    { name: 'c', report: 'c.json' },
  ];

  it('counts a package that wrote no report as failed, naming it', () => {
    const summary = summariseReports({
      expected,
      reports: { 'a.json': jestFixture('passing.json'), 'b.tap': tap.passing },
    });
    assert.deepEqual(
      [summary.passed, summary.failed, summary.skipped],
      [4, 1, 2],
    );
    assert.deepEqual(summary.problems, [
      'c: no report (c.json): its tests did not run or crashed',
    ]);
    assert.equal(closingLine(summary), '4 passed, 1 failed, 2 skipped');
  });

  it('counts a package whose script names no report file as failed', () => {
    const summary = summariseReports({
      expected: [{ name: 'quiet', report: undefined }],
      reports: {},
    });
    assert.equal(summary.failed, 1);
    assert.match(
      summary.problems[0],
      /^quiet: its test script writes no report/,
    );
  });

  it('sums all kinds of failure over packages', () => {
    const summary = summariseReports({
      expected,
      reports: {
        'a.json': jestFixture('suite-failed-to-load.json'),
        'b.tap': tap.mixed,
      },
      checks: ['PostgreSQL is not reachable'],
    });
    // 1 preflight + 2 jest + 3 node:test + 1 missing report
    assert.equal(summary.failed, 7);
    assert.equal(summary.passed, 2);
    assert.equal(summary.skipped, 4);
    assert.equal(summary.problems[0], 'preflight: PostgreSQL is not reachable');
  });

  it('counts a non-zero exit whose report shows no failure', () => {
    const summary = summariseReports({
      expected: [{ name: 'a', report: 'a.json' }],
      reports: { 'a.json': jestFixture('passing.json') },
      exitCodes: { a: 1 },
    });
    assert.equal(summary.failed, 1);
    assert.match(summary.problems[0], /exited with 1/);
  });

  it('still counts reports no expected package claims', () => {
    const summary = summariseReports({
      expected: [],
      reports: { 'stray.tap': tap.passing },
    });
    assert.equal(summary.passed, 2);
  });

  it('prints the plain closing line CI reads', () => {
    const line = closingLine({ passed: 10, failed: 0, skipped: 3 });
    assert.match(line, /^\d+ passed, \d+ failed(, \d+ skipped)?$/);
    assert.equal(line, '10 passed, 0 failed, 3 skipped');
  });
});

describe('expected packages, from the workspaces', () => {
  it('lists every package with a test script and the report its script names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-check-ws-'));
    const write = (rel, json) => {
      fs.mkdirSync(path.join(dir, rel), { recursive: true });
      fs.writeFileSync(
        path.join(dir, rel, 'package.json'),
        JSON.stringify(json),
      );
    };
    write('.', { name: 'root', workspaces: ['packages/*', 'tools/one'] });
    write('packages/jest-one', {
      name: 'jest-one',
      scripts: {
        test: 'backstage-cli package test --json --outputFile=${GOLDENPATH_TEST_REPORTS:-/tmp}/jest-one.json',
      },
    });
    write('packages/no-tests', { name: 'no-tests', scripts: { build: 'x' } });
    write('packages/silent', { name: 'silent', scripts: { test: 'jest' } });
    write('tools/one', {
      name: 'one',
      scripts: {
        test: 'node --test --test-reporter=tap --test-reporter-destination=$GOLDENPATH_TEST_REPORTS/one.tap',
      },
    });
    try {
      const expected = expectedReports(listWorkspacePackages(dir)).map(
        ({ name, report }) => ({ name, report }),
      );
      assert.deepEqual(expected, [
        { name: 'jest-one', report: 'jest-one.json' },
        { name: 'silent', report: undefined },
        { name: 'one', report: 'one.tap' },
      ]);
      const reportsDir = path.join(dir, 'reports');
      fs.mkdirSync(reportsDir);
      fs.writeFileSync(path.join(reportsDir, 'one.tap'), tap.passing);
      fs.writeFileSync(path.join(reportsDir, 'notes.txt'), 'ignored');
      assert.deepEqual(Object.keys(readReports(reportsDir)), ['one.tap']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a workspace pattern it cannot expand instead of dropping its packages', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-check-ws-'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ workspaces: ['packages/**'] }),
    );
    try {
      assert.throws(() => listWorkspacePackages(dir), /packages\/\*\*/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in this repository, every package with tests writes a distinct report', () => {
    const expected = expectedReports(listWorkspacePackages(root));
    assert.ok(expected.some(p => p.name === '@goldenpath/scripts-check'));
    assert.ok(
      expected.some(p => p.name === '@goldenpath/plugin-platform-backend'),
    );
    for (const p of expected) {
      assert.ok(p.report, `${p.name}'s test script writes no report`);
    }
    const files = expected.map(p => p.report);
    assert.equal(new Set(files).size, files.length, files.join(', '));
  });
});
