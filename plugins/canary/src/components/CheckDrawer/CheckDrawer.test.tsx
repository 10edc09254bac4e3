import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { PlatformClient } from '@goldenpath/plugin-platform-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  checkoutRollouts,
  componentStatus,
  createFakePlatformApi,
  ingressRuns,
  runNowAccepted,
} from '../../__fixtures__/canaryData';
import { renderCanaryTab } from '../../__testUtils__/renderCanaryTab';
import { RUN_NOW_DENIED } from './RunNowButton';

async function openIngressDrawer() {
  await userEvent.click(
    await screen.findByRole('button', {
      name: 'ingress-http in prod-eu: Down',
    }),
  );
  return screen.findByRole('dialog', { name: 'ingress-http in prod-eu' });
}

async function errorResponse(status: number, statusText: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message: statusText },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

describe('the check drawer', () => {
  it('loads the check’s runs of the window and lists them newest first', async () => {
    const api = createFakePlatformApi();
    const getCanaryRuns = jest.spyOn(api, 'getCanaryRuns');
    await renderCanaryTab(api);
    const drawer = await openIngressDrawer();

    expect(await within(drawer).findByText('Runs (5)')).toBeInTheDocument();
    expect(getCanaryRuns).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      cluster: 'prod-eu',
      check: 'ingress-http',
      from: componentStatus.window.from,
      limit: 200,
    });
    const table = within(drawer)
      .getAllByRole('table')
      .find(t => within(t).queryByText('Trigger'))!;
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows).toEqual([
      [
        'Nov 20, 09:57:00 UTC',
        'Timeout',
        '5.0 s',
        'GET https://canary.prod-eu.example.com/healthz: no answer in 5 s',
        'Schedule',
        'canary-runner',
      ],
      [
        'Nov 20, 09:52:00 UTC',
        'Fail',
        '1.2 s',
        'GET https://canary.prod-eu.example.com/healthz: 503 Service Unavailable',
        'Schedule',
        'canary-runner',
      ],
      [
        'Nov 20, 09:47:00 UTC',
        'Fail',
        '1.2 s',
        'GET https://canary.prod-eu.example.com/healthz: 503 Service Unavailable',
        'Run now',
        'canary-runner',
      ],
      [
        'Nov 20, 09:42:00 UTC',
        'Pass',
        '240 ms',
        '–',
        'Schedule',
        'canary-runner',
      ],
      [
        'Nov 20, 09:37:00 UTC',
        'Error',
        '12 ms',
        'runner: TLS client certificate not readable',
        'Schedule',
        'canary-runner',
      ],
    ]);
    // A time stays on one line in the drawer's narrow column; an error's
    // URL may break anywhere instead of widening the table.
    expect(within(table).getByText('Nov 20, 09:57:00 UTC')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    expect(
      within(table).getByText(
        'GET https://canary.prod-eu.example.com/healthz: no answer in 5 s',
      ),
    ).toHaveStyle({ overflowWrap: 'anywhere' });
  });

  it('states the check’s numbers and badges', async () => {
    await renderCanaryTab();
    const drawer = await openIngressDrawer();
    const term = (name: string) =>
      within(drawer).getByText(name).nextElementSibling?.textContent;
    expect(term('State')).toBe('down since Nov 20, 09:47:00 UTC');
    expect(term('Uptime (24h)')).toBe('94.4%');
    expect(term('p95 duration (24h)')).toBe('2.4 s');
    expect(term('Results in window')).toBe(
      '270 passed, 16 failed, 2 errors, 0 in maintenance',
    );
    expect(term('Runs every')).toBe('5 min');
    expect(within(drawer).getByText('4 failures in a row')).toBeInTheDocument();
    expect(within(drawer).getByTitle('Canary: Down')).toBeInTheDocument();
  });

  it('charts the durations and keeps what the failures said', async () => {
    await renderCanaryTab();
    const drawer = await openIngressDrawer();
    expect(
      await within(drawer).findByRole('figure', {
        name: 'Run durations of the latest 5 runs: median 1.2 s, slowest 5.0 s (timeout at Nov 20, 09:57:00 UTC)',
      }),
    ).toBeInTheDocument();
    const saved = within(drawer).getByRole('region', { name: 'Saved errors' });
    expect(
      within(saved)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'GET https://canary.prod-eu.example.com/healthz: no answer in 5 s 1 run, latest Nov 20, 09:57:00 UTC',
      'GET https://canary.prod-eu.example.com/healthz: 503 Service Unavailable 2 runs, latest Nov 20, 09:52:00 UTC',
      'runner: TLS client certificate not readable 1 run, latest Nov 20, 09:37:00 UTC',
    ]);
    expect(
      within(saved).getByText(
        'Log tail of the timeout at Nov 20, 09:57:00 UTC',
      ),
    ).toBeInTheDocument();
    expect(within(saved).getByLabelText('Log tail')).toHaveTextContent(
      'dial tcp 10.0.4.17:443: i/o timeout retrying in 1s (attempt 2 of 2)',
    );
  });

  it('opens from a shared link and closes', async () => {
    await renderCanaryTab(undefined, undefined, {
      route: '/?cluster=prod-us&check=deploy-canary-app',
    });
    const drawer = await screen.findByRole('dialog', {
      name: 'deploy-canary-app in prod-us',
    });
    expect(within(drawer).getByTitle('Canary: Stale')).toBeInTheDocument();
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('runs the check now when allowed', async () => {
    const api = createFakePlatformApi();
    const post = jest.spyOn(api, 'post');
    const runCanaryCheck = jest.spyOn(api, 'runCanaryCheck');
    const getCanaryRuns = jest.spyOn(api, 'getCanaryRuns');
    await renderCanaryTab(api);
    const drawer = await openIngressDrawer();
    const button = await within(drawer).findByRole('button', {
      name: 'Run now',
    });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);

    expect(
      await within(drawer).findByText(
        /Asked the runner to run ingress-http in prod-eu/,
      ),
    ).toBeInTheDocument();
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith(
      '/canary/clusters/{cluster}/checks/{check}/run',
      undefined,
      { cluster: 'prod-eu', check: 'ingress-http' },
    );
    expect(runCanaryCheck).toHaveBeenCalledWith(undefined, {
      cluster: 'prod-eu',
      check: 'ingress-http',
    });

    const loads = getCanaryRuns.mock.calls.length;
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Reload runs' }),
    );
    await waitFor(() =>
      expect(getCanaryRuns.mock.calls.length).toBe(loads + 1),
    );
  });

  it('keeps Run now disabled, with the reason, without the permission', async () => {
    const api = createFakePlatformApi();
    const post = jest.spyOn(api, 'post');
    const permissionApi = mockApis.permission({
      authorize: AuthorizeResult.DENY,
    });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    await renderCanaryTab(api, undefined, { permissionApi });
    const drawer = await openIngressDrawer();
    const button = await within(drawer).findByRole('button', {
      name: 'Run now',
    });
    await waitFor(() =>
      expect(within(drawer).getByTitle(RUN_NOW_DENIED)).toBeInTheDocument(),
    );
    expect(button).toBeDisabled();
    await userEvent.click(button).catch(() => undefined);
    expect(post).not.toHaveBeenCalled();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'platform.canary.run' }),
      }),
    );
  });

  it.each([
    [403, 'Forbidden', /needs the platform\.canary\.run permission/],
    [501, 'Not Implemented', /No canary runner is installed/],
    [404, 'Not Found', /No installed runner runs this check/],
  ])(
    'says what a %s answer to Run now means',
    async (status, statusText, message) => {
      const error = await errorResponse(status, statusText);
      await renderCanaryTab(
        createFakePlatformApi({ runCanaryCheck: () => Promise.reject(error) }),
      );
      const drawer = await openIngressDrawer();
      const button = await within(drawer).findByRole('button', {
        name: 'Run now',
      });
      await waitFor(() => expect(button).toBeEnabled());
      await userEvent.click(button);
      expect(await within(drawer).findByRole('alert')).toHaveTextContent(
        message,
      );
      expect(within(drawer).queryByText(/Asked the runner/)).toBeNull();
    },
  );

  it('shows the error panel when the runs cannot be read, and still offers Run now', async () => {
    const error = await errorResponse(404, 'Not Found');
    await renderCanaryTab(
      createFakePlatformApi({ getCanaryRuns: () => Promise.reject(error) }),
    );
    const drawer = await openIngressDrawer();
    expect(
      (await within(drawer).findAllByText(/Request failed with 404/)).length,
    ).toBeGreaterThan(0);
    expect(
      within(drawer).getByRole('button', { name: 'Run now' }),
    ).toBeInTheDocument();
  });
});

describe('Run now through the real client', () => {
  it('POSTs to the check’s path under /api/platform', async () => {
    const routes: Record<string, unknown> = {
      '/api/platform/canary/status': componentStatus,
      '/api/platform/canary/rollouts': checkoutRollouts,
      '/api/platform/canary/runs': ingressRuns,
    };
    const fetch = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input));
        if (init?.method === 'POST') {
          return new Response(JSON.stringify(runNowAccepted), {
            status: 202,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        return new Response(JSON.stringify(routes[url.pathname]), {
          status: routes[url.pathname] ? 200 : 404,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    );
    const client = new PlatformClient({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend.example.com/api/platform',
      },
      fetchApi: { fetch },
    });
    await renderCanaryTab(client);
    const drawer = await openIngressDrawer();
    const button = await within(drawer).findByRole('button', {
      name: 'Run now',
    });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await within(drawer).findByText(/Asked the runner/);

    const posts = fetch.mock.calls.filter(
      ([, init]) => init?.method === 'POST',
    );
    expect(posts.map(([url]) => String(url))).toEqual([
      'http://backend.example.com/api/platform/canary/clusters/prod-eu/checks/ingress-http/run',
    ]);
  });
});
