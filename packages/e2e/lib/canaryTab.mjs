/*
 * The Canary tab as a user sees it, against the API's /canary/status and
 * /canary/runs: the verdict, the clusters × capabilities matrix with a
 * status chip per check, the cluster table and a check's drawer. Labels and
 * formats as plugins/canary/src/components/canaryStatus.ts and format.ts
 * write them, written out again here so that a change shows up as a mismatch.
 */
import assert from 'node:assert/strict';

export const VERDICT_LABEL = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
};
const DISPLAY_LABEL = {
  up: 'Up',
  down: 'Down',
  stale: 'Stale',
  flapping: 'Flapping',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
};
const DISPLAY_STATUS = {
  up: 'ok',
  down: 'error',
  stale: 'warning',
  flapping: 'warning',
  maintenance: 'unknown',
  unknown: 'unknown',
};
const OUTCOME_LABEL = {
  pass: 'Pass',
  fail: 'Fail',
  timeout: 'Timeout',
  error: 'Error',
};
const CAPABILITY_LABEL = {
  deploy: 'Deploy',
  dns: 'DNS',
  ingress: 'Ingress',
  certificates: 'Certificates',
  metrics: 'Metrics',
  logs: 'Logs',
};

/** Never rounded up to 100 % while a failure counted. */
function formatUptime(uptime) {
  if (uptime === null || uptime === undefined) return '–';
  if (uptime >= 1) return '100%';
  const percent = uptime * 100;
  const decimals = percent >= 99 ? 2 : 1;
  const factor = 10 ** decimals;
  return `${(Math.floor(percent * factor) / factor).toFixed(decimals)}%`;
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const formatDateTime = iso => `${dateTime.format(new Date(iso))} UTC`;

export const allChecks = status =>
  status.matrix.flatMap(row => row.cells.flatMap(cell => cell.checks));

/** The verdict card's chip says the API's verdict. */
export async function assertVerdict(target, status) {
  const label = VERDICT_LABEL[status.verdict.verdict];
  const verdict = target.getByRole('region', { name: 'Verdict', exact: true });
  const chip = verdict.locator('[data-status]').first();
  await chip.waitFor({ timeout: 30_000 });
  assert.equal((await chip.textContent()).trim(), label, 'verdict');
  assert.ok(
    (await chip.getAttribute('title')).startsWith(`Verdict: ${label}.`),
    'verdict chip title',
  );
}

/** A check's chip (inside a matrix button or a cluster table row). */
async function assertChip(scope, check, where) {
  const chip = scope.locator('[data-status]').first();
  assert.equal(
    (await chip.textContent()).trim(),
    DISPLAY_LABEL[check.display],
    `${where}: chip text`,
  );
  assert.equal(
    await chip.getAttribute('data-status'),
    DISPLAY_STATUS[check.display],
    `${where}: chip status`,
  );
}

/**
 * Rows are the answer's clusters, columns its capabilities; each cell is
 * labelled with its status (or "no check"), and each check in it is a
 * button with the check's status chip and uptime.
 */
export async function assertMatrix(target, status) {
  const table = target.getByRole('table', {
    name: 'Canary checks by cluster and capability',
    exact: true,
  });
  await table.waitFor({ timeout: 30_000 });
  const headers = (await table.locator('thead th').allTextContents()).map(t =>
    t.trim(),
  );
  assert.deepEqual(headers, [
    'Cluster',
    ...status.capabilities.map(c => CAPABILITY_LABEL[c]),
  ]);
  const rowHeaders = (
    await table.locator('tbody th[scope="row"]').allTextContents()
  ).map(t => t.trim());
  assert.deepEqual(
    rowHeaders,
    status.matrix.map(row => row.cluster),
    'a row per cluster',
  );

  let checks = 0;
  for (const row of status.matrix) {
    assert.equal(row.cells.length, status.capabilities.length);
    for (const cell of row.cells) {
      const label = `${CAPABILITY_LABEL[cell.capability]} in ${row.cluster}`;
      const name =
        cell.checks.length === 0
          ? `${label}: no check`
          : `${label}: ${DISPLAY_LABEL[cell.display]}`;
      const td = table.getByRole('cell', { name, exact: true });
      assert.equal(await td.count(), 1, `cell "${name}"`);
      for (const check of cell.checks) {
        const where = `${check.check} in ${check.cluster}`;
        const button = td.getByRole('button', {
          name: `${where}: ${DISPLAY_LABEL[check.display]}`,
          exact: true,
        });
        assert.equal(await button.count(), 1, `button of ${where}`);
        await assertChip(button, check, where);
        assert.equal(
          await button
            .getByText(`${formatUptime(check.stats.uptime)} uptime`, {
              exact: true,
            })
            .count(),
          1,
          `${where}: uptime`,
        );
        checks += 1;
      }
    }
  }
  assert.ok(checks > 0, 'the matrix shows no check');
}

/** The cluster view: a row per check, its chip and uptime as the API says. */
export async function assertClusterChecks(target, status) {
  const table = target.getByRole('table', {
    name: 'Canary checks of this cluster',
    exact: true,
  });
  await table.waitFor({ timeout: 30_000 });
  const checks = allChecks(status);
  assert.ok(checks.length > 0, 'the cluster has no check');
  const rows = table.locator('tbody > tr').filter({
    has: target.locator('th[scope="row"]'),
  });
  assert.equal(await rows.count(), checks.length, 'a row per check');
  for (const check of checks) {
    const row = rows.filter({
      has: target.getByRole('button', { name: check.check, exact: true }),
    });
    assert.equal(await row.count(), 1, `row of ${check.check}`);
    await assertChip(row, check, check.check);
    // Cells after the check's name: status, last 30 runs, uptime, …
    assert.equal(
      (await row.locator('td').nth(2).textContent()).trim(),
      formatUptime(check.stats.uptime),
      `${check.check}: uptime`,
    );
  }
}

/**
 * Opens a check's drawer from the matrix (a check that has run) and
 * compares its run timeline with the /canary/runs answer the page got:
 * the count in the title, then time and outcome of the newest ten.
 */
export async function openDrawerAndAssertRuns(target, status, runAnswers) {
  const check = allChecks(status).find(c => c.lastRunAt);
  assert.ok(check, 'no check has run yet');
  const where = `${check.check} in ${check.cluster}`;
  await target
    .getByRole('button', {
      name: `${where}: ${DISPLAY_LABEL[check.display]}`,
      exact: true,
    })
    .click();
  const drawer = target.getByRole('dialog', { name: where, exact: true });
  await drawer.waitFor({ timeout: 30_000 });
  await drawer
    .locator('[title^="Outcome: "]')
    .first()
    .waitFor({ timeout: 30_000 });

  assert.ok(runAnswers.length > 0, 'the drawer requested no runs');
  const { url, body } = runAnswers[runAnswers.length - 1];
  assert.equal(url.searchParams.get('cluster'), check.cluster);
  assert.equal(url.searchParams.get('check'), check.check);
  const { runs, more } = await body;
  assert.ok(runs.length > 0, `no runs of ${where}`);
  await drawer
    .getByText(`Runs (${runs.length}${more ? '+' : ''})`, { exact: true })
    .waitFor({ timeout: 5000 });

  const newest = [...runs]
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
    .slice(0, 10);
  const chips = drawer.locator('[title^="Outcome: "]');
  assert.deepEqual(
    await chips.evaluateAll(nodes => nodes.map(n => n.getAttribute('title'))),
    newest.map(run => `Outcome: ${OUTCOME_LABEL[run.outcome]}`),
    'outcomes of the newest runs',
  );
  for (const run of newest) {
    assert.ok(
      (await drawer
        .getByRole('cell', { name: formatDateTime(run.startedAt), exact: true })
        .count()) > 0,
      `run at ${run.startedAt}`,
    );
  }
  return { drawer, check };
}
