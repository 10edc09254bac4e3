/*
 * Browser test: starts the real portal (backend serving the built app, SQLite in
 * a temp folder, demo data on), signs in as guest in headless Chromium, opens a
 * component page and saves a screenshot under test-output/screenshots. Then does
 * the same with a second backend serving the legacy-frontend-system app
 * (packages/app-legacy), so the DORA tab is checked in both frontend systems.
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) and both apps built.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPortal } from '../../../scripts/lib/startPortal.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const screenshots = path.join(root, 'test-output', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let portal;
let legacyPortal;
let browser;
let page;

const DORA_TILES = [
  'Deployment frequency',
  'Lead time for changes',
  'Change failure rate',
  'Failed deployment recovery time',
];

/** Until the demo history is projected: the DORA numbers of payments-api. */
async function waitForDoraNumbers(target) {
  await target.waitFor(async () => {
    const res = await target.api(
      '/api/platform/dora/metrics?entityRef=component:default/payments-api',
    );
    const body = await res.json();
    return body.deploymentFrequency?.deployments > 0;
  }, 60_000);
}

/** Opens the DORA tab from the entity page and waits for tiles with tiers. */
async function openDoraTab(target) {
  await target.getByText('DORA', { exact: true }).first().click();
  await target.waitForURL(/\/dora$/);
  for (const title of DORA_TILES) {
    await target.getByText(title).first().waitFor({ timeout: 30_000 });
  }
  await target
    .getByText(/elite|high|medium|low/i)
    .first()
    .waitFor();
  await target.waitForTimeout(1500); // let the charts finish their entry animation
}

/** Enters as guest and waits until signed in: navigating sooner races it. */
async function signInAsGuest(target) {
  const enter = target.getByRole('button', { name: /enter/i });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Saves the whole page. The window grows to the content first: the legacy
 * SidebarPage scrolls inside its own container, which a full-page screenshot
 * does not unroll, and in both apps the sidebar is as tall as the window.
 */
async function screenshotWholePage(target, file) {
  const viewport = target.viewportSize();
  const height = await target.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('main, main *'), e =>
        Math.ceil(e.getBoundingClientRect().top + e.scrollHeight),
      ),
    ),
  );
  await target.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 6000),
  });
  await target.waitForTimeout(1500); // charts redraw at the new size
  await target.screenshot({ path: path.join(screenshots, file) });
  await target.setViewportSize(viewport);
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
  portal = await startPortal({ root });
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
  await browser?.close();
  await portal?.stop();
  await legacyPortal?.stop();
});

test('demo events reach the log through the intake and link to catalog entities', async () => {
  const items = await portal.waitFor(async () => {
    const res = await portal.api(
      '/api/platform/events?entityRef=component:default/payments-api&limit=5',
    );
    const body = await res.json();
    return body.items?.length ? body.items : undefined;
  }, 120_000);
  assert.equal(items[0].entityRef, 'component:default/payments-api');
  assert.equal(items[0].linkStatus, 'linked');
});

test('a signed-in user opens a component page', async () => {
  page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  await page.goto(`${portal.baseUrl}/`);
  await signInAsGuest(page);
  await page.goto(`${portal.baseUrl}/catalog/default/component/payments-api`);
  await page
    .getByRole('heading', { name: 'payments-api' })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByText('About').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, 'component-page.png') });
  assert.ok(
    fs.statSync(path.join(screenshots, 'component-page.png')).size > 10_000,
  );
});

test('the DORA tab shows the four keys with tiers for a component', async () => {
  // The projection runs right after the demo intake; give it a moment.
  await waitForDoraNumbers(portal);
  await openDoraTab(page);
  await screenshotWholePage(page, 'dora-tab.png');
});

test('the environment picker offers the environments the data has', async () => {
  const res = await portal.api(
    '/api/platform/dora/environments?entityRef=component:default/payments-api',
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
});

test("a team's DORA tab rolls up the components it owns", async () => {
  await page.goto(`${portal.baseUrl}/catalog/default/group/team-payments/dora`);
  await page.getByText('payments-api').first().waitFor({ timeout: 30_000 });
  await page.getByText('ledger-service').first().waitFor();
  await screenshotWholePage(page, 'dora-group-tab.png');
});

test('the legacy-frontend-system app shows the same DORA tab', async () => {
  // app-backend serves one frontend package per backend: a second backend
  // serves app-legacy. Started once the first one is idle, so the two do not
  // compete for CPU while loading the catalog and the demo history.
  legacyPortal = await startPortal({ root, port: 7018, app: 'app-legacy' });
  await waitForDoraNumbers(legacyPortal);
  const legacyPage = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  try {
    await legacyPage.goto(`${legacyPortal.baseUrl}/`);
    await signInAsGuest(legacyPage);
    await legacyPage.goto(
      `${legacyPortal.baseUrl}/catalog/default/component/payments-api`,
    );
    await legacyPage
      .getByRole('heading', { name: 'payments-api' })
      .first()
      .waitFor({ timeout: 60_000 });
    await openDoraTab(legacyPage);
    await screenshotWholePage(legacyPage, 'dora-tab-legacy.png');
    assert.ok(
      fs.statSync(path.join(screenshots, 'dora-tab-legacy.png')).size > 10_000,
    );
  } finally {
    await legacyPage.close();
  }
});
