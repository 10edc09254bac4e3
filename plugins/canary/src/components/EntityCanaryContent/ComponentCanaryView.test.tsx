import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  checkoutRollouts,
  componentStatus,
  createFakePlatformApi,
} from '../../__fixtures__/canaryData';
import { renderCanaryTab } from '../../__testUtils__/renderCanaryTab';

function cell(name: string) {
  return screen.getByRole('cell', { name });
}

function checkButton(name: string) {
  return screen.getByRole('button', { name });
}

describe('the Canary tab of a Component', () => {
  it('gives the verdict, why, and what is platform-wide', async () => {
    await renderCanaryTab();
    const verdict = await screen.findByRole('region', { name: 'Verdict' });
    expect(
      within(verdict).getByTitle(/^Verdict: Degraded\./),
    ).toHaveTextContent('Degraded');
    const why = within(verdict).getByRole('list', { name: 'Why' });
    expect(
      within(why)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'ingress-http is down in prod-eu',
      'prometheus-remote-write is flapping in prod-eu',
      'deploy-canary-app is stale in prod-us',
    ]);
    expect(
      within(verdict).getByText(
        'Platform-wide: ingress-http (Ingress) is down in 2 of 5 clusters: prod-eu, staging-eu',
      ),
    ).toBeInTheDocument();
  });

  it('says how fresh the data is and warns about stale checks', async () => {
    await renderCanaryTab();
    const latest = await screen.findByRole('region', { name: 'Latest run' });
    // Read at 10:00, the latest run started at 09:57.
    expect(within(latest).getByText('3 min ago')).toBeInTheDocument();
    expect(
      within(latest).getByText('Nov 20, 09:57:00 UTC'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Warning: 1 check stale: no result for two intervals'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'deploy-canary-app in prod-us: last result 25 min ago, runs every 5 min',
      ),
    ).toBeInTheDocument();
  });

  it('has no stale warning when every check is fresh', async () => {
    const fresh = {
      ...componentStatus,
      matrix: componentStatus.matrix.map(row => ({
        ...row,
        cells: row.cells.map(c => ({
          ...c,
          checks: c.checks.map(check => ({ ...check, stale: false })),
        })),
      })),
    };
    await renderCanaryTab(
      createFakePlatformApi({ getCanaryStatus: async () => fresh }),
    );
    await screen.findByRole('region', { name: 'Verdict' });
    expect(screen.queryByText(/stale: no result/)).toBeNull();
  });

  it('sums uptime over every check and counts the checks by status', async () => {
    await renderCanaryTab();
    // 2427 passes, 105 failures over the 13 checks' windows.
    const uptime = await screen.findByRole('region', { name: 'Uptime' });
    expect(within(uptime).getByText('95.8')).toBeInTheDocument();
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(within(checks).getByText('13')).toBeInTheDocument();
    expect(
      within(checks).getByText(
        '8 up · 1 down · 1 stale · 1 flapping · 1 in maintenance · 1 without a result',
      ),
    ).toBeInTheDocument();
  });

  it('lays the checks out as clusters × capabilities', async () => {
    await renderCanaryTab();
    const matrix = await screen.findByRole('table', {
      name: 'Canary checks by cluster and capability',
    });
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Cluster',
      'Deploy',
      'DNS',
      'Ingress',
      'Certificates',
      'Metrics',
      'Logs',
    ]);
    const rows = within(matrix)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0]);
    expect(rows.map(r => r.textContent)).toEqual(['prod-eu', 'prod-us']);
    // A cluster with a catalog Resource links to it.
    expect(within(rows[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/resource/prod-eu',
    );
    expect(within(rows[1]).queryByRole('link')).toBeNull();

    // A cell shows its worst check and holds each of them.
    const ingress = cell('Ingress in prod-eu: Down');
    expect(
      within(ingress)
        .getAllByRole('button')
        .map(b => b.getAttribute('aria-label')),
    ).toEqual(['ingress-grpc in prod-eu: Up', 'ingress-http in prod-eu: Down']);
    expect(cell('Logs in prod-eu: no check')).toHaveTextContent('No check');
    expect(cell('Certificates in prod-us: Maintenance')).toBeInTheDocument();
    expect(cell('Metrics in prod-us: Unknown')).toBeInTheDocument();
  });

  it('shows each check’s status, uptime and badges', async () => {
    await renderCanaryTab();
    const http = await screen.findByRole('button', {
      name: 'ingress-http in prod-eu: Down',
    });
    expect(within(http).getByTitle('Canary: Down')).toBeInTheDocument();
    // 270 passes of 286 results.
    expect(within(http).getByText('94.4% uptime')).toBeInTheDocument();
    expect(within(http).getByText('4 failures in a row')).toBeInTheDocument();
    expect(within(http).getByText('Platform-wide')).toBeInTheDocument();

    const flapping = checkButton(
      'prometheus-remote-write in prod-eu: Flapping',
    );
    expect(within(flapping).getByText('Flapping 55%')).toBeInTheDocument();
    expect(within(flapping).getByText('69.4% uptime')).toBeInTheDocument();

    const grpc = checkButton('ingress-grpc in prod-eu: Up');
    expect(within(grpc).getByText('100% uptime')).toBeInTheDocument();
    expect(
      within(grpc).queryByText(/in a row|Platform-wide|Flapping/),
    ).toBeNull();

    // Only errors: no uptime to give, never 100 %.
    const errorsOnly = checkButton('prometheus-scrape in prod-us: Unknown');
    expect(within(errorsOnly).getByText('– uptime')).toBeInTheDocument();
  });

  it('explains the badges with the backend’s thresholds', async () => {
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryStatus: async () => ({
          ...componentStatus,
          thresholds: {
            ...componentStatus.thresholds,
            flapEnterPercent: 40,
            flapExitPercent: 20,
          },
        }),
      }),
    );
    const http = await screen.findByRole('button', {
      name: 'ingress-http in prod-eu: Down',
    });
    expect(
      within(http).getByTitle(
        /^Down in 2 of 5 clusters running it \(prod-eu, staging-eu\)\. The same check is down in at least 2 clusters at once/,
      ),
    ).toBeInTheDocument();
    const flapping = checkButton(
      'prometheus-remote-write in prod-eu: Flapping',
    );
    expect(
      within(flapping).getByTitle(/starts flapping at 40 % and stops at 20 %/),
    ).toBeInTheDocument();
  });

  it('draws the latest 30 runs, coloured by outcome', async () => {
    await renderCanaryTab();
    const http = await screen.findByRole('button', {
      name: 'ingress-http in prod-eu: Down',
    });
    const sparkline = within(http).getByRole('img', {
      name: 'Last 30 runs: 25 pass, 4 fail, 1 error',
    });
    const statuses = Array.from(sparkline.querySelectorAll('rect')).map(r =>
      r.getAttribute('data-status'),
    );
    expect(statuses).toHaveLength(30);
    expect(statuses.slice(-6)).toEqual([
      'unknown',
      'ok',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(
      sparkline.querySelector('rect:last-of-type title'),
    ).toHaveTextContent('Nov 20, 09:57:00 UTC · fail');

    const errorsOnly = checkButton('prometheus-scrape in prod-us: Unknown');
    expect(
      within(errorsOnly).getByRole('img', { name: 'Last 12 runs: 12 error' }),
    ).toBeInTheDocument();
  });

  it('asks for the chosen window and keeps it in the URL', async () => {
    const api = createFakePlatformApi();
    const getCanaryStatus = jest.spyOn(api, 'getCanaryStatus');
    await renderCanaryTab(api);
    await screen.findByRole('region', { name: 'Verdict' });
    // No window in the URL: the backend's default, which its answer names.
    expect(getCanaryStatus).toHaveBeenLastCalledWith({
      entityRef: 'component:default/checkout',
      window: undefined,
    });
    expect(
      screen.getByRole('button', { name: /Uptime window/ }),
    ).toHaveTextContent('Last 24 hours');

    await userEvent.click(
      screen.getByRole('button', { name: /Uptime window/ }),
    );
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('Last 7 days'),
    );
    await screen.findByRole('region', { name: 'Verdict' });
    expect(getCanaryStatus).toHaveBeenLastCalledWith({
      entityRef: 'component:default/checkout',
      window: '7d',
    });
    expect(
      screen.getByRole('button', { name: /Uptime window/ }),
    ).toHaveTextContent('Last 7 days');
  });

  it('opens at the window a shared link names', async () => {
    const api = createFakePlatformApi();
    const getCanaryStatus = jest.spyOn(api, 'getCanaryStatus');
    await renderCanaryTab(api, undefined, { route: '/?window=30d' });
    await screen.findByRole('region', { name: 'Verdict' });
    expect(getCanaryStatus).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      window: '30d',
    });
  });

  it('names the clusters no check runs in, under the matrix', async () => {
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryStatus: async () => ({
          ...componentStatus,
          uncoveredClusters: ['prod-ap'],
        }),
      }),
    );
    const note = await screen.findByText(
      'No canary check runs in prod-ap: nothing is known about the platform there.',
    );
    // Spaced from the matrix card, as the browser showed it glued to it.
    expect(note).toHaveStyle({ marginTop: '8px' });
  });

  it('shows the error panel when the backend fails, and no matrix', async () => {
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryStatus: () =>
          Promise.reject(
            new Error('Request failed with 500 Internal Server Error'),
          ),
      }),
    );
    expect(
      (await screen.findAllByText(/Request failed with 500/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('the Argo Rollouts panel', () => {
  it('shows the step, the weights, the pause and each analysis metric', async () => {
    await renderCanaryTab();
    const rollout = await screen.findByRole('region', {
      name: 'Rollout checkout in prod-eu',
    });
    expect(within(rollout).getByTitle('Phase: Paused')).toBeInTheDocument();
    expect(
      within(rollout).getByText(
        'prod-eu / shop · Step 3 of 8 · updated 2 min ago',
      ),
    ).toBeInTheDocument();
    expect(
      within(rollout).getByRole('progressbar', { name: 'Desired weight' }),
    ).toHaveAttribute('aria-valuenow', '40');
    expect(
      within(rollout).getByRole('progressbar', { name: 'Actual weight' }),
    ).toHaveAttribute('aria-valuenow', '35');
    expect(within(rollout).getByText('40%')).toBeInTheDocument();
    expect(within(rollout).getByText('35%')).toBeInTheDocument();
    expect(within(rollout).getByText('CanaryPauseStep')).toBeInTheDocument();
    expect(within(rollout).getByTitle('Analysis: Running')).toBeInTheDocument();

    const metrics = within(rollout).getByRole('table', {
      name: 'Analysis metrics',
    });
    const rows = within(metrics)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows).toEqual([
      ['success-rate', '0.993', '0.99', 'result[0] >= 0.99', 'Pass'],
      ['error-rate', '0.012', '0.01', 'result[0] <= 0.01', 'Fail'],
      ['latency-p99', '–', '–', '–', 'Running'],
    ]);
  });

  it('says why a rollout aborted', async () => {
    const [paused] = checkoutRollouts.rollouts;
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryRollouts: async () => ({
          ...checkoutRollouts,
          rollouts: [
            {
              ...paused,
              phase: 'Aborted',
              desiredWeight: 0,
              actualWeight: 0,
              pauseReason: undefined,
              message:
                'Metric "error-rate" assessed Failed due to failed (1) > failureLimit (0)',
            },
          ],
        }),
      }),
    );
    const rollout = await screen.findByRole('region', {
      name: 'Rollout checkout in prod-eu',
    });
    expect(within(rollout).getByTitle('Phase: Aborted')).toBeInTheDocument();
    expect(
      within(rollout).getByText(
        'Aborted: Metric "error-rate" assessed Failed due to failed (1) > failureLimit (0)',
      ),
    ).toBeInTheDocument();
    expect(within(rollout).queryByText(/^Paused/)).toBeNull();
  });

  it('is absent for a component without rollouts', async () => {
    const api = createFakePlatformApi({
      getCanaryRollouts: async ({ entityRef }) => ({ entityRef, rollouts: [] }),
    });
    const getCanaryRollouts = jest.spyOn(api, 'getCanaryRollouts');
    await renderCanaryTab(api);
    await screen.findByRole('region', { name: 'Verdict' });
    expect(getCanaryRollouts).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
    });
    expect(screen.queryByText('Argo Rollouts')).toBeNull();
  });

  it('keeps the checks when the rollouts cannot be read', async () => {
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryRollouts: () => Promise.reject(new Error('timeout')),
      }),
    );
    expect(
      await screen.findByText('Rollouts unavailable: timeout'),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Verdict' })).toBeInTheDocument();
  });
});
