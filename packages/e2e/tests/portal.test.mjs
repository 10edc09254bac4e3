/*
 * Browser test: starts the real portal (backend serving the built app, demo
 * data on) on PostgreSQL, signs in as guest in headless Chromium, opens a
 * component page and its DORA tab, and checks what the page shows against the
 * API: each tile's number as the tile formats it, and each tier chip, found by
 * its title. The Cost tab (a component, a team, a cluster) against
 * /cost/summary, /cost/recommendations and /cost/pods; the Canary tab (a
 * component, a cluster) against the /canary/status and /canary/runs answers
 * the page rendered. Then the DORA, Cost and Canary tabs with a second
 * backend on SQLite serving the legacy-frontend-system app
 * (packages/app-legacy). Any browser console error or uncaught page error
 * fails the test it happens in. Screenshots go to test-output/screenshots;
 * the README's are copies of them in docs/images, made by hand after looking.
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH), both apps
 * built, and the PostgreSQL server of the store tests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPortal } from '../../../scripts/lib/startPortal.mjs';
import {
  assertClusterChecks,
  assertMatrix,
  assertVerdict,
  openDrawerAndAssertRuns,
} from '../lib/canaryTab.mjs';
import {
  assertControllerPods,
  assertCostTilesMatchApi,
  assertRecommendedRequests,
  assertTiles,
  expectedClusterTiles,
  expectedCostTiles,
  expectedRecommendationTiles,
  formatMoney,
  waitForCostTiles,
} from '../lib/costTab.mjs';
import {
  assertNoConsoleErrors,
  assertNoTableOverflows,
  latestResponse,
  openEntityTab,
  recordRequests,
  recordResponses,
  screenshotWholePage as screenshotInto,
  signInAsGuest,
  watchConsole,
} from '../lib/page.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const screenshots = path.join(root, 'test-output', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMPONENT_NAME = 'payments-api';
const COMPONENT = `component:default/${COMPONENT_NAME}`;
/** A cluster the component runs in (examples/clusters.yaml). */
const CLUSTER = 'prod-eu-west-1';
const COST_TILES = ['Cost', 'CPU cost', 'Memory cost', 'Efficiency'];

let portal;
let legacyPortal;
let browser;
let page;
let legacyPage;

const screenshotWholePage = (target, file) =>
  screenshotInto(target, screenshots, file);

/*
 * Formatting as plugins/dora/src/components/format.ts and DoraTiles.tsx do,
 * written out again here so that a change in either shows up as a mismatch.
 */
const NO_VALUE = '–';
function formatNumber(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return NO_VALUE;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
function formatDuration(hours) {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) {
    return NO_VALUE;
  }
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${formatNumber(hours)} hours`;
  return `${formatNumber(hours / 24)} days`;
}
const plural = (n, one) => `${n} ${n === 1 ? one : `${one}s`}`;
const TIER_TITLES = {
  elite: 'DORA tier: Elite',
  high: 'DORA tier: High',
  medium: 'DORA tier: Medium',
  low: 'DORA tier: Low',
};
const tierTitle = tier => TIER_TITLES[tier] ?? 'Not enough data to grade';

/** What each tile must show for a summary from the API. */
function expectedTiles(summary, options) {
  const days = Math.round(
    (Date.parse(options.to) - Date.parse(options.from)) / 86_400_000,
  );
  const { deploymentFrequency: df, leadTime: lt } = summary;
  const { changeFailureRate: cfr, recoveryTime: rt } = summary;
  return [
    {
      title: 'Deployment frequency',
      value: `${formatNumber(df.perWeek)}/week`,
      tier: df.tier,
      subtitle: `${plural(df.deployments, 'deployment')} in ${days} days`,
    },
    {
      title: 'Lead time for changes',
      value: formatDuration(lt.medianHours),
      tier: lt.tier,
      subtitle: `p90 ${formatDuration(lt.p90Hours)}`,
    },
    {
      title: 'Change failure rate',
      value: cfr.rate === null ? NO_VALUE : `${formatNumber(cfr.rate * 100)}%`,
      tier: cfr.tier,
      subtitle: `${cfr.failed} of ${plural(
        cfr.deployments,
        'deployment',
      )} failed`,
    },
    {
      title: 'Failed deployment recovery time',
      value: formatDuration(rt.medianHours),
      tier: rt.tier,
      subtitle: `${plural(rt.open, 'open incident')}, ${rt.resolved} resolved`,
    },
  ];
}

/**
 * Until the demo history is in and projected: events linked, the projection
 * without lag, and the log's size the same for a few seconds. Numbers read
 * before that could change between the page's request and the test's.
 */
async function waitForQuietData(target) {
  let last;
  let stableSince = 0;
  await target.waitFor(async () => {
    const res = await target.api('/api/platform/health');
    const health = await res.json();
    const lag = Object.values(health.projections ?? {}).reduce(
      (sum, p) => sum + p.lag,
      0,
    );
    const total = health.events?.total ?? 0;
    if (total === 0 || lag > 0 || total !== last) {
      last = total;
      stableSince = Date.now();
      return false;
    }
    return Date.now() - stableSince >= 3000;
  }, 180_000);
  const res = await target.api(
    `/api/platform/dora/metrics?entityRef=${COMPONENT}`,
  );
  const metrics = await res.json();
  assert.ok(
    metrics.deploymentFrequency?.deployments > 0,
    `no deployments for ${COMPONENT}: ${JSON.stringify(metrics)}`,
  );
}

/**
 * Reads the four tiles and compares them with the API's answer for the query
 * the page sent (same entity, window and environment).
 */
async function assertTilesMatchApi(target, portalUnderTest, requests, pick) {
  assert.ok(requests.length > 0, 'the page requested no DORA numbers');
  const url = requests[requests.length - 1];
  const res = await portalUnderTest.api(`${url.pathname}${url.search}`);
  assert.equal(res.status, 200, `${url.pathname}${url.search}`);
  const body = await res.json();
  const { summary, options } = pick(body);
  assert.equal(options.from, url.searchParams.get('from'));
  assert.equal(options.to, url.searchParams.get('to'));

  for (const tile of expectedTiles(summary, options)) {
    const section = target.getByRole('region', {
      name: tile.title,
      exact: true,
    });
    const value = (await section.locator('p').first().textContent()).trim();
    assert.equal(value, tile.value, `${tile.title}: value`);
    await section
      .getByText(tile.subtitle, { exact: true })
      .waitFor({ timeout: 5000 })
      .catch(() => {
        throw new Error(`${tile.title}: no subtitle "${tile.subtitle}"`);
      });
    // The chip, found by its title; exactly one per tile.
    const chips = section.locator('[data-tier]');
    assert.equal(await chips.count(), 1, `${tile.title}: one tier chip`);
    assert.equal(
      await chips.getAttribute('title'),
      tierTitle(tile.tier),
      `${tile.title}: tier`,
    );
    assert.equal(
      await section.getByTitle(tierTitle(tile.tier), { exact: true }).count(),
      1,
    );
  }
  return body;
}

/** Opens the DORA tab from the entity page and waits for the four tiles. */
async function openDoraTab(target) {
  await target.getByText('DORA', { exact: true }).first().click();
  await target.waitForURL(/\/dora$/);
  await waitForTiles(target);
}

async function waitForTiles(target) {
  for (const title of [
    'Deployment frequency',
    'Lead time for changes',
    'Change failure rate',
    'Failed deployment recovery time',
  ]) {
    await target
      .getByRole('region', { name: title, exact: true })
      .locator('[data-tier]')
      .waitFor({ timeout: 30_000 });
  }
  await target.waitForLoadState('networkidle');
  await target.waitForTimeout(1500); // let the charts finish their entry animation
}

/** The catalog's own view of the entity, to compare the About card with. */
async function catalogEntity(target, kind, name) {
  const res = await target.api(
    `/api/catalog/entities/by-name/${kind}/default/${name}`,
  );
  assert.equal(res.status, 200);
  return res.json();
}

before(async () => {
  assert.ok(
    fs.existsSync(executablePath),
    `Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
  );
  for (const app of ['app', 'app-legacy']) {
    assert.ok(
      fs.existsSync(path.join(root, 'packages', app, 'dist', 'index.html')),
      `packages/${app}/dist is missing: run \`npm run build --workspace ${app}\` first`,
    );
  }
  fs.mkdirSync(screenshots, { recursive: true });
  portal = await startPortal({ root, database: 'pg' });
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await legacyPage?.close();
  await browser?.close();
  await portal?.stop();
  await legacyPortal?.stop();
});

test('the portal runs on PostgreSQL: one database per plugin under a fresh prefix', async () => {
  assert.equal(portal.database, 'pg');
  assert.match(portal.databasePrefix, /^gp_e2e_\d+_[a-z0-9]+_$/);
  const names = await portal.listDatabases();
  for (const plugin of ['platform', 'catalog', 'auth']) {
    assert.ok(
      names.includes(`${portal.databasePrefix}${plugin}`),
      `no ${plugin} database among ${names.join(', ')}`,
    );
  }
});

test('demo events reach the log through the intake and link to catalog entities', async () => {
  const items = await portal.waitFor(async () => {
    const res = await portal.api(
      `/api/platform/events?entityRef=${COMPONENT}&limit=5`,
    );
    const body = await res.json();
    return body.items?.length ? body.items : undefined;
  }, 120_000);
  assert.equal(items[0].entityRef, COMPONENT);
  assert.equal(items[0].linkStatus, 'linked');
});

test('a signed-in user opens a component page that shows what the catalog has', async () => {
  page = watchConsole(
    await browser.newPage({ viewport: { width: 1400, height: 900 } }),
  );
  await page.goto(`${portal.baseUrl}/`);
  await signInAsGuest(page);
  await page.goto(`${portal.baseUrl}/catalog/default/component/payments-api`);
  await page
    .getByRole('heading', { name: 'payments-api' })
    .first()
    .waitFor({ timeout: 60_000 });
  const entity = await catalogEntity(portal, 'component', 'payments-api');
  await page
    .getByText(entity.metadata.description, { exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, 'component-page.png') });
  assertNoConsoleErrors(page);
});

test("the DORA tab's tiles and tier chips show the API's numbers", async () => {
  await waitForQuietData(portal);
  const requests = recordRequests(page, '/api/platform/dora/metrics');
  await openDoraTab(page);
  const metrics = await assertTilesMatchApi(page, portal, requests, body => ({
    summary: body,
    options: body.options,
  }));
  assert.equal(metrics.entityRef, COMPONENT);
  await screenshotWholePage(page, 'dora-tab.png');
  assertNoConsoleErrors(page);
});

test('the environment picker offers the environments the data has', async () => {
  const res = await portal.api(
    `/api/platform/dora/environments?entityRef=${COMPONENT}`,
  );
  assert.equal(res.status, 200);
  const { environments } = await res.json();
  assert.ok(environments.length > 0, 'the demo deploys to some environment');

  await page
    .getByRole('group', { name: 'DORA filters' })
    .getByRole('button', { name: 'Environment' })
    .click();
  const options = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  const offered = options.map(o => o.toLowerCase());
  for (const environment of environments) {
    assert.ok(
      offered.includes(environment.toLowerCase()),
      `${environment} missing from ${options.join(', ')}`,
    );
  }
  assertNoConsoleErrors(page);
});

test("a team's DORA tab rolls up its components with the API's numbers", async () => {
  const requests = recordRequests(page, '/api/platform/dora/group');
  await page.goto(`${portal.baseUrl}/catalog/default/group/team-payments/dora`);
  await waitForTiles(page);
  const group = await assertTilesMatchApi(page, portal, requests, body => ({
    summary: body.summary,
    options: body.options,
  }));
  const names = group.components.map(c => c.entityRef.split('/').pop());
  assert.ok(names.includes('payments-api') && names.includes('ledger-service'));
  for (const name of names) {
    await page.getByText(name, { exact: true }).first().waitFor();
  }
  await screenshotWholePage(page, 'dora-group-tab.png');
  assertNoConsoleErrors(page);
});

/**
 * Every event of the demo history was applied: a projection that cannot
 * apply an event records a dead letter and moves on, so its tab would show
 * less (stale canary checks, missing cost) without any error on the page.
 * The reason is in the backend log (test-output/e2e-backend*.log).
 */
async function assertNoDeadLetters(target) {
  const res = await target.api('/api/platform/health');
  assert.equal(res.status, 200);
  const { projections } = await res.json();
  const dead = Object.entries(projections ?? {})
    .filter(([, p]) => p.deadLetters > 0)
    .map(([name, p]) => `${name}: ${p.deadLetters}`);
  assert.deepEqual(dead, [], 'projections with dead letters');
}

test('the projections applied every demo event: no dead letters', async () => {
  await waitForQuietData(portal);
  await assertNoDeadLetters(portal);
});

/** Opens the component's page and, from it, one of its tabs. */
async function openComponentTab(target, base, name, pathSuffix) {
  await target.goto(`${base}/catalog/default/component/${COMPONENT_NAME}`);
  await target
    .getByRole('heading', { name: COMPONENT_NAME })
    .first()
    .waitFor({ timeout: 60_000 });
  await openEntityTab(target, name, pathSuffix);
}

/** Opens the Cost tab of the component and checks its tiles against the API. */
async function assertComponentCostTab(target, portalUnderTest) {
  const requests = recordRequests(target, '/api/platform/cost/summary');
  await openComponentTab(target, portalUnderTest.baseUrl, 'Cost', 'cost');
  await waitForCostTiles(target, COST_TILES);
  const summary = await assertCostTilesMatchApi(
    target,
    portalUnderTest,
    requests,
    expectedCostTiles,
  );
  assert.equal(summary.entityRef, COMPONENT);
  assert.equal(summary.scope, 'component');
  return { summary, query: requests[requests.length - 1].search };
}

test("the Cost tab's tiles, controllers, pods and recommended requests show the API's numbers", async () => {
  const podRequests = recordRequests(page, '/api/platform/cost/pods');
  const { summary, query } = await assertComponentCostTab(page, portal);

  const res = await portal.api(`/api/platform/cost/recommendations${query}`);
  assert.equal(res.status, 200);
  const recommendations = await res.json();
  await assertTiles(
    page,
    expectedRecommendationTiles(recommendations, summary.currency.code),
  );
  await assertRecommendedRequests(page, recommendations);
  await assertControllerPods(page, portal, summary, podRequests);
  await page.waitForLoadState('networkidle');
  await screenshotWholePage(page, 'cost-tab.png');
  await assertNoTableOverflows(page);
  assertNoConsoleErrors(page);
});

test("a team's Cost tab shows back its components with the API's numbers", async () => {
  const requests = recordRequests(page, '/api/platform/cost/summary');
  await page.goto(`${portal.baseUrl}/catalog/default/group/team-payments/cost`);
  await waitForCostTiles(page, COST_TILES);
  const summary = await assertCostTilesMatchApi(
    page,
    portal,
    requests,
    expectedCostTiles,
  );
  assert.equal(summary.scope, 'group');
  const names = summary.components.map(c => c.entityRef.split('/').pop());
  assert.ok(names.includes(COMPONENT_NAME), names.join(', '));
  const table = page.getByRole('table').filter({ hasText: 'Share' });
  for (const component of summary.components) {
    const name = component.entityRef.split('/').pop();
    const row = table
      .locator('tbody > tr')
      .filter({ has: page.getByRole('link', { name, exact: true }) });
    assert.equal(await row.count(), 1, `showback row of ${name}`);
    assert.equal(
      await row
        .getByText(formatMoney(component.totals.cost, summary.currency.code), {
          exact: true,
        })
        .count(),
      1,
      `${name}: cost`,
    );
  }
  await screenshotWholePage(page, 'cost-group-tab.png');
  await assertNoTableOverflows(page);
  assertNoConsoleErrors(page);
});

test("a cluster's Cost tab shows its node cost, allocated and idle, by namespace, as the API says", async () => {
  const requests = recordRequests(page, '/api/platform/cost/summary');
  await page.goto(`${portal.baseUrl}/catalog/default/resource/${CLUSTER}/cost`);
  await waitForCostTiles(page, ['Cluster cost', 'Allocated', 'Idle']);
  const summary = await assertCostTilesMatchApi(
    page,
    portal,
    requests,
    expectedClusterTiles,
  );
  assert.equal(summary.scope, 'cluster');
  assert.ok(summary.namespaces.length > 0, 'no namespaces in the cluster');
  for (const row of summary.namespaces) {
    await page
      .getByRole('cell', { name: row.namespace, exact: true })
      .first()
      .waitFor({ timeout: 5000 });
  }
  await screenshotWholePage(page, 'cost-cluster-tab.png');
  await assertNoTableOverflows(page);
  assertNoConsoleErrors(page);
});

test("the Canary tab's verdict, matrix and a check's runs show the API's answers", async () => {
  const statusAnswers = recordResponses(page, '/api/platform/canary/status');
  const runAnswers = recordResponses(page, '/api/platform/canary/runs');
  await openComponentTab(page, portal.baseUrl, 'Canary', 'canary');
  await page
    .getByRole('table', { name: 'Canary checks by cluster and capability' })
    .waitFor({ timeout: 60_000 });
  const { url, body: status } = await latestResponse(
    statusAnswers,
    'canary status',
  );
  assert.equal(url.searchParams.get('entityRef'), COMPONENT);
  assert.equal(status.entityRef, COMPONENT);

  // The clusters and capabilities do not move with the live checks: the
  // API asked now names the same ones the page shows.
  const res = await portal.api(`${url.pathname}${url.search}`);
  assert.equal(res.status, 200);
  const fresh = await res.json();
  assert.deepEqual(
    status.matrix.map(row => row.cluster),
    fresh.matrix.map(row => row.cluster),
  );
  assert.deepEqual(status.capabilities, fresh.capabilities);
  assert.ok(status.matrix.length > 0, 'the component runs in no cluster');

  await assertVerdict(page, status);
  await assertMatrix(page, status);
  await page.waitForLoadState('networkidle');
  await screenshotWholePage(page, 'canary-tab.png');
  await assertNoTableOverflows(page);

  const { drawer } = await openDrawerAndAssertRuns(page, status, runAnswers);
  await page.waitForTimeout(1500); // the duration chart's entry animation
  await page.screenshot({ path: path.join(screenshots, 'canary-drawer.png') });
  await assertNoTableOverflows(page, '[role="dialog"]');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await drawer.waitFor({ state: 'hidden' });
  assertNoConsoleErrors(page);
});

test("a cluster's Canary tab lists all its checks with the API's statuses", async () => {
  const statusAnswers = recordResponses(page, '/api/platform/canary/status');
  await page.goto(
    `${portal.baseUrl}/catalog/default/resource/${CLUSTER}/canary`,
  );
  await page
    .getByRole('table', { name: 'Canary checks of this cluster' })
    .waitFor({ timeout: 60_000 });
  const { body: status } = await latestResponse(statusAnswers, 'canary status');
  assert.equal(status.entityRef, `resource:default/${CLUSTER}`);
  await assertVerdict(page, status);
  await assertClusterChecks(page, status);
  await page.waitForLoadState('networkidle');
  await screenshotWholePage(page, 'canary-cluster-tab.png');
  await assertNoTableOverflows(page);
  assertNoConsoleErrors(page);
});

test('the legacy-frontend-system app, on SQLite, shows the same DORA tab', async () => {
  // app-backend serves one frontend package per backend: a second backend
  // serves app-legacy. Started once the first one is idle, so the two do not
  // compete for CPU while loading the catalog and the demo history.
  legacyPortal = await startPortal({
    root,
    port: 7018,
    app: 'app-legacy',
    database: 'sqlite',
  });
  await waitForQuietData(legacyPortal);
  legacyPage = watchConsole(
    await browser.newPage({ viewport: { width: 1400, height: 900 } }),
  );
  await legacyPage.goto(`${legacyPortal.baseUrl}/`);
  await signInAsGuest(legacyPage);
  await legacyPage.goto(
    `${legacyPortal.baseUrl}/catalog/default/component/payments-api`,
  );
  await legacyPage
    .getByRole('heading', { name: 'payments-api' })
    .first()
    .waitFor({ timeout: 60_000 });
  const requests = recordRequests(legacyPage, '/api/platform/dora/metrics');
  await openDoraTab(legacyPage);
  await assertTilesMatchApi(legacyPage, legacyPortal, requests, body => ({
    summary: body,
    options: body.options,
  }));
  await screenshotWholePage(legacyPage, 'dora-tab-legacy.png');
  assertNoConsoleErrors(legacyPage);
});

test('the legacy portal, on SQLite, applied every demo event: no dead letters', async () => {
  assert.ok(legacyPortal, 'the legacy app did not start');
  await assertNoDeadLetters(legacyPortal);
});

test('the legacy app shows the same Cost tab', async () => {
  assert.ok(legacyPage, 'the legacy app did not start');
  await assertComponentCostTab(legacyPage, legacyPortal);
  await legacyPage.waitForLoadState('networkidle');
  await screenshotWholePage(legacyPage, 'cost-tab-legacy.png');
  await assertNoTableOverflows(legacyPage);
  assertNoConsoleErrors(legacyPage);
});

test('the legacy app shows the same Canary tab', async () => {
  assert.ok(legacyPage, 'the legacy app did not start');
  const statusAnswers = recordResponses(
    legacyPage,
    '/api/platform/canary/status',
  );
  await openComponentTab(legacyPage, legacyPortal.baseUrl, 'Canary', 'canary');
  await legacyPage
    .getByRole('table', { name: 'Canary checks by cluster and capability' })
    .waitFor({ timeout: 60_000 });
  const { body: status } = await latestResponse(statusAnswers, 'canary status');
  assert.equal(status.entityRef, COMPONENT);
  await assertVerdict(legacyPage, status);
  await assertMatrix(legacyPage, status);
  await legacyPage.waitForLoadState('networkidle');
  await screenshotWholePage(legacyPage, 'canary-tab-legacy.png');
  await assertNoTableOverflows(legacyPage);
  assertNoConsoleErrors(legacyPage);
});
