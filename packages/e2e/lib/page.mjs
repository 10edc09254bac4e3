/*
 * What every browser test of the portal does with a page: collect console
 * errors, record the platform requests it sends, sign in, take whole-page
 * screenshots.
 */
import assert from 'node:assert/strict';
import path from 'node:path';

/**
 * Collects console errors and uncaught exceptions of a page. Nothing is
 * ignored: a message that turns out to be harmless gets named here with its
 * reason, not filtered by a pattern.
 */
export function watchConsole(target) {
  const errors = [];
  target.on('console', message => {
    if (message.type() === 'error') {
      const where = message.location()?.url ?? '';
      errors.push(`console.error: ${message.text()} ${where}`.trim());
    }
  });
  target.on('pageerror', error => {
    errors.push(`uncaught: ${error.stack ?? error.message}`);
  });
  target.consoleErrors = errors;
  return target;
}

export function assertNoConsoleErrors(target) {
  const errors = target.consoleErrors.splice(0);
  assert.deepEqual(errors, [], 'the browser logged errors');
}

/** Records the page's GETs of one platform route, newest last. */
export function recordRequests(target, route) {
  const urls = [];
  target.on('request', request => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === route) {
      urls.push(url);
    }
  });
  return urls;
}

/**
 * Records the answers the page got from one platform route, newest last:
 * `{ url, body }`. For live data (the canary runner checks every minute) the
 * page is compared with the answer it rendered, which a second request made
 * a moment later may no longer equal.
 */
export function recordResponses(target, route) {
  const answers = [];
  target.on('response', response => {
    const url = new URL(response.url());
    if (
      response.request().method() === 'GET' &&
      url.pathname === route &&
      response.status() === 200
    ) {
      const body = response.json();
      body.catch(() => {}); // read, and rethrown, by latestResponse
      answers.push({ url, body });
    }
  });
  return answers;
}

/** The newest recorded answer, parsed. */
export async function latestResponse(answers, what) {
  assert.ok(answers.length > 0, `the page requested no ${what}`);
  const { url, body } = answers[answers.length - 1];
  return { url, body: await body };
}

/** Enters as guest and waits until signed in: navigating sooner races it. */
export async function signInAsGuest(target) {
  const enter = target.getByRole('button', { name: /enter/i });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Opens an entity page's tab by its name and waits for its URL: a tab in
 * the legacy EntityLayout, a link in the New Frontend System's header.
 */
export async function openEntityTab(target, name, pathSuffix) {
  await target
    .getByRole('tab', { name, exact: true })
    .or(target.getByRole('link', { name, exact: true }))
    .first()
    .click();
  await target.waitForURL(new RegExp(`/${pathSuffix}(\\?.*)?$`));
}

/** The main text of a MetricTile (the value and its unit), found by title. */
export async function tileValue(target, title) {
  const section = target.getByRole('region', { name: title, exact: true });
  return (await section.locator('p').first().textContent()).trim();
}

/** Waits for a text inside a tile, with its name in the error. */
export async function assertTileText(target, title, text) {
  await target
    .getByRole('region', { name: title, exact: true })
    .getByText(text, { exact: true })
    .waitFor({ timeout: 5000 })
    .catch(() => {
      throw new Error(`${title}: no text "${text}"`);
    });
}

/**
 * Saves the whole page. The window grows to the content first: the legacy
 * SidebarPage scrolls inside its own container, which a full-page screenshot
 * does not unroll, and in both apps the sidebar is as tall as the window.
 */
export async function screenshotWholePage(target, directory, file) {
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
  await target.screenshot({ path: path.join(directory, file) });
  await target.setViewportSize(viewport);
}

/**
 * No table is wider than the box it sits in: a table that overflows is cut
 * off (or scrolls sideways) at the window's width, which the screenshot of
 * a wide window would hide in a narrower one. `scope` is a CSS selector.
 */
export async function assertNoTableOverflows(target, scope = 'main') {
  const overflowing = await target.evaluate(selector => {
    const found = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const table of root.querySelectorAll('table')) {
        const box = table.parentElement.getBoundingClientRect();
        const { width } = table.getBoundingClientRect();
        if (width > box.width + 1) {
          const name =
            table.getAttribute('aria-label') ??
            table.querySelector('th')?.textContent ??
            'a table';
          found.push(
            `${name}: ${Math.round(width)} px in ${Math.round(box.width)} px`,
          );
        }
      }
    }
    return found;
  }, scope);
  assert.deepEqual(overflowing, [], 'tables wider than their boxes');
}
