/*
 * Counting for `npm test` (scripts/run-tests.mjs): which packages must report,
 * what each report says, and the one closing line CI reads.
 *
 * Every workspace package with a `test` script must leave a report in the
 * reports folder: a jest JSON (`--json --outputFile=$GOLDENPATH_TEST_REPORTS/x.json`)
 * or a node:test TAP file (`--test-reporter-destination=$GOLDENPATH_TEST_REPORTS/x.tap`).
 * Whatever would let a broken run look green counts as failed here:
 *   - a package that wrote no report, or whose report is unreadable or cut short,
 *   - a jest suite that failed to run (it has no assertions, so jest's own
 *     numFailedTests leaves it out),
 *   - node:test cancellations (a timed-out test is "cancelled", not "fail"),
 *   - a package whose test command exited non-zero with no failure in its report.
 * Skipped and todo tests are counted and shown as skipped.
 *
 * Pure functions over texts and plain objects, so the tests in
 * packages/scripts-check run them on fixtures.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where a test script writes its report: `$GOLDENPATH_TEST_REPORTS/<file>`. */
const REPORT_TARGET =
  /\$\{?GOLDENPATH_TEST_REPORTS(?::-[^}]*)?\}?\/([\w.@+-]+\.(?:json|tap))/;

/**
 * The workspace packages, from the root package.json's `workspaces` (entries
 * `dir/*` or `dir`). A pattern this cannot expand throws rather than quietly
 * dropping the packages it names.
 */
export function listWorkspacePackages(root) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const patterns = Array.isArray(manifest.workspaces)
    ? manifest.workspaces
    : manifest.workspaces?.packages ?? [];
  const dirs = [];
  for (const pattern of patterns) {
    if (/^[\w.@-]+(\/[\w.@-]+)*\/\*$/.test(pattern)) {
      const parent = path.join(root, pattern.slice(0, -2));
      if (!fs.existsSync(parent)) continue;
      for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
      }
    } else if (/^[\w.@-]+(\/[\w.@-]+)*$/.test(pattern)) {
      dirs.push(path.join(root, pattern));
    } else {
      throw new Error(
        `workspace pattern "${pattern}" is not supported by scripts/lib/testReports.mjs (use "dir/*" or "dir")`,
      );
    }
  }
  const packages = [];
  for (const dir of dirs.sort()) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    packages.push({
      name: pkg.name,
      dir,
      testScript: pkg.scripts?.test,
    });
  }
  return packages;
}

/**
 * The packages that must report: those with a `test` script, each with the
 * report file its script names (`report: undefined` when the script writes
 * none, which is itself a failure).
 */
export function expectedReports(packages) {
  return packages
    .filter(p => typeof p.testScript === 'string')
    .map(p => ({
      name: p.name,
      dir: p.dir,
      report: REPORT_TARGET.exec(p.testScript)?.[1],
    }));
}

function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0, problems: [] };
}

/** A jest `--json` report. */
export function parseJestReport(text) {
  const counts = emptyCounts();
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    counts.failed = 1;
    counts.problems.push(`report is not valid JSON (${error.message})`);
    return counts;
  }
  if (typeof report !== 'object' || report === null) {
    counts.failed = 1;
    counts.problems.push('report is not a jest JSON object');
    return counts;
  }
  counts.passed = report.numPassedTests ?? 0;
  counts.failed = report.numFailedTests ?? 0;
  counts.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

  // A suite that failed to run has no assertion results: jest counts it in
  // numFailedTestSuites and numRuntimeErrorTestSuites, never in numFailedTests.
  const results = Array.isArray(report.testResults) ? report.testResults : [];
  const unrun = results.filter(
    r =>
      r.status === 'failed' &&
      !(r.assertionResults ?? []).some(a => a.status === 'failed'),
  );
  for (const suite of unrun) {
    const firstLine = String(suite.message ?? '')
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('●'))[0];
    counts.problems.push(
      `suite failed to run: ${suite.name}${firstLine ? ` (${firstLine})` : ''}`,
    );
  }
  const runtimeErrors = Math.max(
    unrun.length,
    report.numRuntimeErrorTestSuites ?? 0,
  );
  if (runtimeErrors > unrun.length) {
    counts.problems.push(
      `${runtimeErrors - unrun.length} more suite(s) failed to run`,
    );
  }
  counts.failed += runtimeErrors;

  if (report.success === false && counts.failed === 0) {
    counts.failed = 1;
    counts.problems.push(
      'jest reported the run as unsuccessful with no failed test',
    );
  }
  if (report.wasInterrupted) {
    counts.failed += 1;
    counts.problems.push('the jest run was interrupted');
  }
  return counts;
}

/** A node:test TAP report (`--test-reporter=tap`). */
export function parseTapReport(text) {
  const counts = emptyCounts();
  const field = name => {
    const matches = [...text.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1][1]) : undefined;
  };
  const tests = field('tests');
  if (tests === undefined) {
    counts.failed = 1;
    counts.problems.push(
      'TAP report has no summary (the run stopped before it finished)',
    );
    return counts;
  }
  const cancelled = field('cancelled') ?? 0;
  counts.passed = field('pass') ?? 0;
  counts.failed = (field('fail') ?? 0) + cancelled;
  counts.skipped = (field('skipped') ?? 0) + (field('todo') ?? 0);
  if (cancelled > 0) {
    counts.problems.push(
      `${cancelled} test(s) cancelled (timed out, or cancelled with a parent that did)`,
    );
  }
  const suiteFailures = findSuiteFailures(text);
  counts.failed += suiteFailures.length;
  counts.problems.push(...suiteFailures);
  const counted =
    counts.passed + counts.failed - suiteFailures.length + counts.skipped;
  if (counted !== tests) {
    counts.failed += 1;
    counts.problems.push(
      `TAP summary says ${tests} tests but pass/fail/cancelled/skipped/todo add up to ${counted}`,
    );
  }
  return counts;
}

/**
 * Suites (describe) that failed on their own: a throwing describe body or a
 * failing `after` hook. node:test counts tests only, so these appear in no
 * summary field. A suite that failed because a test inside it failed or was
 * cancelled is already counted through that test.
 */
function findSuiteFailures(text) {
  const lines = text.split('\n');
  const failures = [];
  const childFailed = []; // by nesting level: a `not ok` seen among its results
  for (let i = 0; i < lines.length; i++) {
    const result = /^( *)(not ok|ok) \d+ - (.*)$/.exec(lines[i]);
    if (!result) continue;
    const level = result[1].length / 4;
    const failedInside = childFailed[level + 1] === true;
    childFailed[level + 1] = false;
    if (result[2] === 'ok' || /# (SKIP|TODO)\b/i.test(result[3])) continue;
    childFailed[level] = true;
    const yaml = {};
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j].trim();
      if (line === '...' || /^(not ok|ok) \d+ /.test(line)) break;
      const kv = /^(type|failureType|error): '?(.*?)'?$/.exec(line);
      if (kv && !(kv[1] in yaml)) yaml[kv[1]] = kv[2];
    }
    if (yaml.type === 'suite' && !failedInside) {
      failures.push(
        `suite "${result[3]}" failed (${yaml.failureType ?? 'failure'}: ${
          yaml.error ?? 'no message'
        })`,
      );
    }
  }
  return failures;
}

export function parseReport(file, text) {
  return file.endsWith('.tap') ? parseTapReport(text) : parseJestReport(text);
}

/**
 * Sums the reports. `expected` from expectedReports; `reports` maps a report
 * file name to its text; `exitCodes` (optional) maps a package name to its
 * test command's exit code; `checks` are failures found before the run (e.g.
 * the PostgreSQL preflight), one failed each.
 */
export function summariseReports({
  expected,
  reports,
  exitCodes = {},
  checks = [],
}) {
  const total = emptyCounts();
  const packages = [];
  const add = (counts, label) => {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    for (const p of counts.problems) total.problems.push(`${label}: ${p}`);
  };
  for (const check of checks) {
    add({ passed: 0, failed: 1, skipped: 0, problems: [check] }, 'preflight');
  }
  const claimed = new Set();
  for (const pkg of expected) {
    let counts;
    if (!pkg.report) {
      counts = {
        ...emptyCounts(),
        failed: 1,
        problems: [
          'its test script writes no report to $GOLDENPATH_TEST_REPORTS (jest: --json --outputFile=..., node:test: --test-reporter=tap --test-reporter-destination=...)',
        ],
      };
    } else if (reports[pkg.report] === undefined) {
      counts = {
        ...emptyCounts(),
        failed: 1,
        problems: [
          `no report (${pkg.report}): its tests did not run or crashed`,
        ],
      };
    } else {
      claimed.add(pkg.report);
      counts = parseReport(pkg.report, reports[pkg.report]);
    }
    const exitCode = exitCodes[pkg.name];
    if (
      exitCode !== undefined &&
      exitCode !== null &&
      exitCode !== 0 &&
      counts.failed === 0
    ) {
      counts.failed = 1;
      counts.problems.push(
        `its test command exited with ${exitCode} but the report shows no failure`,
      );
    }
    packages.push({ name: pkg.name, report: pkg.report, ...counts });
    add(counts, pkg.name);
  }
  // Reports nobody was expected to write still count.
  for (const [file, text] of Object.entries(reports).sort()) {
    if (claimed.has(file)) continue;
    const counts = parseReport(file, text);
    packages.push({ name: undefined, report: file, ...counts });
    add(counts, file);
  }
  return { ...total, packages };
}

/** The closing line; CI reads "N passed, N failed" from it. */
export function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** Reads every .json / .tap file of a reports folder into a name → text map. */
export function readReports(dir) {
  const reports = {};
  if (!fs.existsSync(dir)) return reports;
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.json') || file.endsWith('.tap')) {
      reports[file] = fs.readFileSync(path.join(dir, file), 'utf8');
    }
  }
  return reports;
}
