/*
 * Browser test: starts the real portal (backend serving the built app, SQLite in
 * a temp folder, demo data on), signs in as guest in headless Chromium, opens a
 * component page and saves a screenshot under test-output/screenshots.
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) and a built app.
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
let browser;
let page;

before(async () => {
  assert.ok(
    fs.existsSync(executablePath),
    `Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
  );
  assert.ok(
    fs.existsSync(path.join(root, 'packages', 'app', 'dist', 'index.html')),
    'packages/app/dist is missing: run `npm run build --workspace app` first',
  );
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
  await page.getByRole('button', { name: /enter/i }).click();
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
  await portal.waitFor(async () => {
    const res = await portal.api(
      '/api/platform/dora/metrics?entityRef=component:default/payments-api',
    );
    const body = await res.json();
    return body.deploymentFrequency?.deployments > 0;
  }, 60_000);
  await page.getByText('DORA', { exact: true }).first().click();
  await page.waitForURL(/\/dora$/);
  for (const title of [
    'Deployment frequency',
    'Lead time for changes',
    'Change failure rate',
    'Failed deployment recovery time',
  ]) {
    await page.getByText(title).first().waitFor({ timeout: 30_000 });
  }
  await page
    .getByText(/elite|high|medium|low/i)
    .first()
    .waitFor();
  await page.waitForTimeout(1500); // let the charts finish their entry animation
  await page.screenshot({
    path: path.join(screenshots, 'dora-tab.png'),
    fullPage: true,
  });
});

test("a team's DORA tab rolls up the components it owns", async () => {
  await page.goto(`${portal.baseUrl}/catalog/default/group/team-payments/dora`);
  await page.getByText('payments-api').first().waitFor({ timeout: 30_000 });
  await page.getByText('ledger-service').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({
    path: path.join(screenshots, 'dora-group-tab.png'),
    fullPage: true,
  });
});
