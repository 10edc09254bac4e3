/*
 * The Cost tab as a user sees it, against the API: each tile's number
 * formatted as plugins/cost/src/components/format.ts and CostTiles.tsx /
 * ClusterTiles.tsx write it, written out again here so that a change in
 * either shows up as a mismatch.
 */
import assert from 'node:assert/strict';
import { assertTileText, tileValue } from './page.mjs';

const NO_VALUE = '–';
const GIB = 2 ** 30;
const finite = value =>
  value !== null && value !== undefined && Number.isFinite(value);

/** Cents from 1 up, more digits below so that small costs do not read 0.00. */
function moneyDigits(amount) {
  const magnitude = Math.abs(amount);
  if (magnitude === 0 || magnitude >= 1) return 2;
  return magnitude >= 0.01 ? 3 : 4;
}

export function formatMoney(amount, code) {
  if (!finite(amount)) return NO_VALUE;
  const digits = moneyDigits(amount);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: code,
    minimumFractionDigits: Math.min(2, digits),
    maximumFractionDigits: digits,
  }).format(amount);
}

function formatNumber(value, digits = 1) {
  if (!finite(value)) return NO_VALUE;
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
}

export function formatPercent(ratio, digits = 0) {
  if (!finite(ratio)) return NO_VALUE;
  return `${(ratio * 100).toFixed(digits)}%`;
}

const plural = (count, one) =>
  `${formatNumber(count, 0)} ${count === 1 ? one : `${one}s`}`;

const windowDays = window =>
  Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000);

/** Efficiency: the same on a component, a group and a cluster. */
function efficiencyTile(total) {
  return {
    title: 'Efficiency',
    // The tile writes the number and its unit "%" apart: "–%" for none.
    value: `${formatPercent(total.efficiency.total).replace('%', '')}%`,
    subtitle: `CPU ${formatPercent(
      total.efficiency.cpu,
    )} · memory ${formatPercent(total.efficiency.memory)}`,
  };
}

/** The tiles of a component or a group for a /cost/summary answer. */
export function expectedCostTiles(summary) {
  const { total, window, currency } = summary;
  const money = amount => formatMoney(amount, currency.code);
  const days = windowDays(window);
  return [
    {
      title: 'Cost',
      value: money(total.cost),
      subtitle: `${money(
        total.cost / Math.max(days, 1),
      )} a day over ${days} days`,
    },
    {
      title: 'CPU cost',
      value: money(total.cpuCost),
      subtitle: `${formatNumber(total.cpuBilledCoreHours)} core-h billed`,
    },
    {
      title: 'Memory cost',
      value: money(total.memoryCost),
      subtitle: `${formatNumber(
        total.memoryBilledByteHours / GIB,
      )} GiB-h billed`,
    },
    efficiencyTile(total),
  ];
}

/** The tiles of a cluster Resource: node cost against allocated and idle. */
export function expectedClusterTiles(summary) {
  const { total, idle, currency } = summary;
  const money = amount => formatMoney(amount, currency.code);
  const sum = value => idle.reduce((n, row) => n + value(row), 0);
  const capacityCost =
    sum(r => r.cpuCapacityCost) + sum(r => r.memoryCapacityCost);
  const idleCost = sum(r => r.idleCost);
  const share = amount =>
    capacityCost > 0 ? formatPercent(amount / capacityCost) : NO_VALUE;
  return [
    {
      title: 'Cluster cost',
      value: money(capacityCost),
      subtitle: plural(
        sum(r => r.nodeHours),
        'node-hour',
      ),
    },
    {
      title: 'Allocated',
      value: money(total.cost),
      subtitle: `${share(total.cost)} of the node cost`,
    },
    {
      title: 'Idle',
      value: money(idleCost),
      subtitle: `${share(idleCost)} of the node cost`,
    },
    efficiencyTile(total),
  ];
}

/** Until every tile has its number. */
export async function waitForCostTiles(target, titles) {
  for (const title of titles) {
    await target
      .getByRole('region', { name: title, exact: true })
      .locator('p')
      .first()
      .waitFor({ timeout: 60_000 });
  }
  await target.waitForLoadState('networkidle');
  await target.waitForTimeout(1500); // let the chart finish its entry animation
}

/**
 * Asks the API what the page asked (same entity and window) and compares
 * each tile's value and subtitle with it; returns the answer.
 */
export async function assertCostTilesMatchApi(
  target,
  portal,
  requests,
  expected,
) {
  assert.ok(requests.length > 0, 'the page requested no cost summary');
  const url = requests[requests.length - 1];
  const res = await portal.api(`${url.pathname}${url.search}`);
  assert.equal(res.status, 200, `${url.pathname}${url.search}`);
  const summary = await res.json();
  assert.equal(summary.window.from, url.searchParams.get('from'));
  assert.equal(summary.window.to, url.searchParams.get('to'));
  assert.ok(
    summary.total.containerHours > 0,
    `no container-hours in ${url.search}`,
  );
  for (const tile of expected(summary)) {
    assert.equal(
      await tileValue(target, tile.title),
      tile.value,
      `${tile.title}: value`,
    );
    await assertTileText(target, tile.title, tile.subtitle);
  }
  return summary;
}

/** Monthly savings and risk, from /cost/recommendations, as the two tiles write them. */
export function expectedRecommendationTiles(recommendations, code) {
  const specs = n => plural(n, 'container spec');
  return [
    {
      title: 'Monthly savings',
      value: `${formatMoney(recommendations.totalMonthlySavings, code)}/month`,
      subtitle: `${specs(recommendations.savings.length)} to right-size`,
    },
    {
      title: 'Under-provisioned risk',
      value: `${formatMoney(recommendations.totalMonthlyRiskCost, code)}/month`,
      subtitle: `${specs(
        recommendations.risks.length,
      )} using more than requested`,
    },
  ];
}

export async function assertTiles(target, tiles) {
  for (const tile of tiles) {
    await target
      .getByRole('region', { name: tile.title, exact: true })
      .getByText(tile.subtitle, { exact: true })
      .waitFor({ timeout: 30_000 })
      .catch(() => {
        throw new Error(`${tile.title}: no subtitle "${tile.subtitle}"`);
      });
    assert.equal(
      await tileValue(target, tile.title),
      tile.value,
      `${tile.title}: value`,
    );
  }
}

const controllerLabel = row => `${row.controllerKind} ${row.controller}`;

/**
 * The controllers table lists the summary's controllers, costliest first;
 * opening the first one shows the pods and containers /cost/pods answers
 * for it (the query the page sent), each pod with its cost.
 */
export async function assertControllerPods(
  target,
  portal,
  summary,
  podRequests,
) {
  const code = summary.currency.code;
  const table = target.getByRole('table', { name: 'Controllers', exact: true });
  const toggles = table.getByRole('button', { name: /^Show pods of / });
  assert.equal(
    await toggles.count(),
    summary.controllers.length,
    'one row per controller',
  );
  const controller = summary.controllers[0];
  const label = controllerLabel(controller);
  const firstRow = table.locator('tbody > tr').first();
  for (const text of [
    label,
    `${controller.cluster} / ${controller.namespace}`,
    formatMoney(controller.totals.cost, code),
  ]) {
    assert.equal(
      await firstRow.getByText(text, { exact: true }).count(),
      1,
      `first controller row: "${text}"`,
    );
  }

  await toggles.first().click();
  const pods = target.getByRole('table', {
    name: `Pods of ${label}`,
    exact: true,
  });
  await pods.waitFor({ timeout: 30_000 });
  assert.ok(podRequests.length > 0, 'the page requested no pods');
  const url = podRequests[podRequests.length - 1];
  for (const key of ['cluster', 'namespace', 'controllerKind', 'controller']) {
    assert.equal(url.searchParams.get(key), controller[key], key);
  }
  const res = await portal.api(`${url.pathname}${url.search}`);
  assert.equal(res.status, 200, `${url.pathname}${url.search}`);
  const body = await res.json();
  assert.ok(body.pods.length > 0, `no pods for ${label}`);
  await target
    .getByRole('heading', { name: `Pods of ${label} (${body.pods.length})` })
    .waitFor({ timeout: 5000 });
  const rows = pods.locator('tbody > tr');
  assert.equal(
    await rows.count(),
    body.pods.reduce((n, pod) => n + 1 + pod.containers.length, 0),
    'a row per pod and per container',
  );
  for (const pod of body.pods) {
    const podRow = rows.filter({
      has: target.getByRole('cell', { name: pod.pod, exact: true }),
    });
    assert.equal(await podRow.count(), 1, `pod ${pod.pod}`);
    assert.equal(
      await podRow
        .getByText(formatMoney(pod.totals.cost, code), { exact: true })
        .count(),
      1,
      `pod ${pod.pod}: cost`,
    );
    for (const container of pod.containers) {
      assert.ok(
        (await pods
          .getByRole('cell', { name: container.container, exact: true })
          .count()) > 0,
        `container ${container.container} of ${pod.pod}`,
      );
    }
  }
  return body;
}

/** Whole millicores and mebibytes, as recommendedRequestsYaml.ts writes them. */
const millicores = cores => `${Math.ceil(cores * 1000 - 1e-6)}m`;
const mebibytes = bytes => `${Math.ceil(bytes / 2 ** 20 - 1e-9)}Mi`;
const oneSpaced = text => text.replace(/\s+/g, ' ').trim();

/**
 * The recommended requests YAML holds a block per recommendation of
 * /cost/recommendations (same entity and window), under its controller.
 */
export async function assertRecommendedRequests(target, recommendations) {
  const all = [...recommendations.savings, ...recommendations.risks];
  if (all.length === 0) {
    await target
      .getByText("Every container's requests fit its usage: nothing to change.")
      .waitFor({ timeout: 30_000 });
    return;
  }
  const snippet = target.getByRole('region', {
    name: 'Recommended requests YAML',
    exact: true,
  });
  await snippet.waitFor({ timeout: 30_000 });
  const text = oneSpaced(
    await snippet.locator('pre, code').first().textContent(),
  );
  for (const r of all) {
    const heading = `# ${r.controllerKind} ${r.controller} (cluster ${r.cluster}, namespace ${r.namespace})`;
    assert.ok(text.includes(heading), `YAML: ${heading}`);
    const block = oneSpaced(
      `- name: ${r.container}\n resources:\n requests:\n` +
        ` cpu: ${millicores(r.cpu.recommendedRequest)}\n` +
        ` memory: ${mebibytes(r.memory.recommendedRequest)}`,
    );
    assert.ok(text.includes(block), `YAML: ${block}`);
  }
}
