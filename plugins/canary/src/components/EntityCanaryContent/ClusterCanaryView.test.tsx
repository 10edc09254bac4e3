import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clusterEntity,
  clusterStatus,
  createFakePlatformApi,
} from '../../__fixtures__/canaryData';
import { renderCanaryTab } from '../../__testUtils__/renderCanaryTab';

describe('the Canary tab of a cluster Resource', () => {
  it('asks for the cluster’s status and no rollouts', async () => {
    const api = createFakePlatformApi();
    const getCanaryStatus = jest.spyOn(api, 'getCanaryStatus');
    const getCanaryRollouts = jest.spyOn(api, 'getCanaryRollouts');
    await renderCanaryTab(api, clusterEntity);
    expect(await screen.findByText('Checks (7)')).toBeInTheDocument();
    expect(getCanaryStatus).toHaveBeenCalledWith({
      entityRef: 'resource:default/prod-eu',
      window: undefined,
    });
    expect(getCanaryRollouts).not.toHaveBeenCalled();
    expect(screen.getByTitle(/^Verdict: Degraded/)).toBeInTheDocument();
  });

  it('lists all its checks grouped by capability', async () => {
    await renderCanaryTab(undefined, clusterEntity);
    const table = await screen.findByRole('table', {
      name: 'Canary checks of this cluster',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(rows).toEqual([
      'Deploy (1 check)',
      'deploy-canary-app',
      'DNS (1 check)',
      'dns-resolve',
      'Ingress (2 checks)',
      'ingress-grpc',
      'ingress-http',
      'Certificates (1 check)',
      'tls-expiry',
      'Metrics (2 checks)',
      'prometheus-remote-write',
      'prometheus-scrape',
    ]);
    expect(
      screen.getByText('Not checked in this cluster: Logs'),
    ).toBeInTheDocument();
  });

  it('shows the same status, sparkline, uptime and badges per check', async () => {
    await renderCanaryTab(undefined, clusterEntity);
    const table = await screen.findByRole('table', {
      name: 'Canary checks of this cluster',
    });
    const http = within(table)
      .getByRole('button', { name: 'ingress-http' })
      .closest('tr')!;
    const cells = within(http).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'ingress-http',
      'Down',
      // The sparkline's bar titles.
      expect.stringMatching(/^Nov 20, 07:32:00 UTC · pass · 200 ms/),
      '94.4%',
      '2.4 s',
      '3 min ago',
      '4 failures in a rowPlatform-wide',
    ]);
    expect(
      within(cells[2]).getByRole('img', {
        name: 'Last 30 runs: 25 pass, 4 fail, 1 error',
      }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Uptime (24h)' }),
    ).toBeInTheDocument();
  });

  it('opens a check’s drawer with the cluster’s runs', async () => {
    const api = createFakePlatformApi();
    const getCanaryRuns = jest.spyOn(api, 'getCanaryRuns');
    await renderCanaryTab(api, clusterEntity);
    await userEvent.click(
      await screen.findByRole('button', { name: 'ingress-http' }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'ingress-http in prod-eu',
    });
    expect(await within(drawer).findByText('Runs (5)')).toBeInTheDocument();
    expect(getCanaryRuns).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'resource:default/prod-eu',
        cluster: 'prod-eu',
        check: 'ingress-http',
      }),
    );
  });

  it('explains how to add checks to a cluster that has none', async () => {
    await renderCanaryTab(
      createFakePlatformApi({
        getCanaryStatus: async () => ({
          ...clusterStatus,
          matrix: clusterStatus.matrix.map(row => ({
            ...row,
            cells: row.cells.map(c => ({
              ...c,
              display: 'unknown' as const,
              checks: [],
            })),
          })),
          uncoveredClusters: ['prod-eu'],
        }),
      }),
      clusterEntity,
    );
    expect(await screen.findByText('No canary checks yet')).toBeInTheDocument();
    expect(
      screen.getByText(/No canary check runs in prod-eu/),
    ).toBeInTheDocument();
    expect(screen.getByText('platform.canary.clusters')).toBeInTheDocument();
  });
});
