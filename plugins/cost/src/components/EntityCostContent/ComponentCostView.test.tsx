import { downloadCsv, toCsv } from '@goldenpath/plugin-platform-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  componentSummary,
  componentSummaryWithIdle,
  costDeployments,
  createFakePlatformApi,
  recommendations,
} from '../../__fixtures__/costData';
import { renderCostTab, tile } from '../../__testUtils__/renderCostTab';
import { controllerCsvColumns } from '../ControllersTable';
import { deploymentCostCsvColumns } from '../DeploymentCost';
import { COST_DEFINITION } from '../definitions';
import { recommendationCsvColumns } from '../Recommendations';

jest.mock('@goldenpath/plugin-platform-react', () => ({
  ...jest.requireActual('@goldenpath/plugin-platform-react'),
  downloadCsv: jest.fn(),
}));

const DAY_MS = 86_400_000;

describe('the Cost tab of a Component', () => {
  beforeEach(() => jest.mocked(downloadCsv).mockClear());

  it('asks for the last 30 whole UTC days, today so far the last', async () => {
    const api = createFakePlatformApi();
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await renderCostTab(api);
    await screen.findByRole('region', { name: 'Cost' });

    const query = getCostSummary.mock.calls[0][0];
    expect(query.entityRef).toBe('component:default/checkout');
    expect(query.to).toMatch(/T00:00:00\.000Z$/);
    const to = Date.parse(query.to!);
    expect(to - Date.parse(query.from!)).toBe(30 * DAY_MS);
    expect(to - Date.now()).toBeGreaterThan(0);
    expect(to - Date.now()).toBeLessThanOrEqual(DAY_MS);
  });

  it('shows cost against the previous window, CPU, memory and efficiency', async () => {
    await renderCostTab();
    await screen.findByRole('region', { name: 'Cost' });

    const cost = tile('Cost');
    expect(within(cost).getByText('$74.76')).toBeInTheDocument();
    expect(
      within(cost).getByText('$2.49 a day over 30 days'),
    ).toBeInTheDocument();
    expect(within(cost).getByText(/vs previous 30 days/)).toHaveTextContent(
      '+$10.56 vs previous 30 days, worse',
    );

    const cpu = tile('CPU cost');
    expect(within(cpu).getByText('$60.00')).toBeInTheDocument();
    expect(within(cpu).getByText('1,500 core-h billed')).toBeInTheDocument();

    const memory = tile('Memory cost');
    expect(within(memory).getByText('$14.76')).toBeInTheDocument();
    expect(within(memory).getByText('2,952 GiB-h billed')).toBeInTheDocument();

    // CPU 648 ÷ 1440 = 45 %, memory 2016 ÷ 2880 = 70 %; by cost
    // (0.45 × 60 + 0.7 × 14.76) ÷ 74.76 = 49.9 %; previous 47.2 %.
    const efficiency = tile('Efficiency');
    expect(within(efficiency).getByText('50')).toBeInTheDocument();
    expect(
      within(efficiency).getByText('CPU 45% · memory 70%'),
    ).toBeInTheDocument();
    expect(within(efficiency).getByText(/vs previous/)).toHaveTextContent(
      '+3 pp vs previous 30 days, better',
    );

    expect(screen.queryByRole('region', { name: 'Shared idle' })).toBeNull();
  });

  it('shows monthly savings and under-provisioned risk apart', async () => {
    await renderCostTab();
    const savings = await screen.findByRole('region', {
      name: 'Monthly savings',
    });
    await waitFor(() =>
      expect(within(savings).getByText('$18.98')).toBeInTheDocument(),
    );
    expect(within(savings).getByText('/month')).toBeInTheDocument();
    expect(
      within(savings).getByText('3 container specs to right-size'),
    ).toBeInTheDocument();

    const risk = tile('Under-provisioned risk');
    expect(within(risk).getByText('$21.90')).toBeInTheDocument();
    expect(
      within(risk).getByText('1 container spec using more than requested'),
    ).toBeInTheDocument();
  });

  it('explains a tile in its popover: definition and inputs', async () => {
    await renderCostTab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'About Cost' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'About Cost' });
    expect(within(dialog).getByText(COST_DEFINITION)).toBeInTheDocument();
    for (const line of [
      '2,160 container-hours',
      'CPU $60.00 + memory $14.76 = $74.76',
      '12 container-hours without a node price (counted at 0)',
      'Previous 30 days: $64.20 over 2,100 container-hours',
      'Window: Oct 24, 2026 – Nov 22, 2026 (UTC), 720 hours',
      'Amounts in USD',
    ]) {
      expect(within(dialog).getByText(line)).toBeInTheDocument();
    }
  });

  it('gives the requested, used and billed core-hours behind the CPU cost', async () => {
    await renderCostTab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'About CPU cost' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'About CPU cost',
    });
    for (const line of [
      'Requested 1,440 core-h',
      'Used 648 core-h',
      'Billed 1,500 core-h (max of request and usage, hour by hour)',
      'Mean price $0.04 per billed core-hour',
    ]) {
      expect(within(dialog).getByText(line)).toBeInTheDocument();
    }
  });

  it('draws the daily trend of CPU and memory', async () => {
    await renderCostTab();
    expect(
      await screen.findByRole('figure', {
        name: 'Daily cost: 30 days from Oct 24, 2026 to Nov 22, 2026; CPU $60.00, Memory $14.76; latest day $2.69',
      }),
    ).toBeInTheDocument();
  });

  it('adds the shared idle tile and layer when idle is shared', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => componentSummaryWithIdle,
      }),
    );
    const idle = await screen.findByRole('region', { name: 'Shared idle' });
    expect(within(idle).getByText('$9.24')).toBeInTheDocument();
    expect(within(idle).getByText('Cost with idle $84.00')).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: 'Daily cost: 30 days from Oct 24, 2026 to Nov 22, 2026; CPU $60.00, Memory $14.76, Shared idle $9.24; latest day $3.00',
      }),
    ).toBeInTheDocument();
  });

  it('lists the controllers and opens one onto its pods and containers', async () => {
    const api = createFakePlatformApi();
    const getCostPods = jest.spyOn(api, 'getCostPods');
    await renderCostTab(api);

    const controllers = await screen.findByRole('table', {
      name: 'Controllers',
    });
    const checkout = within(controllers)
      .getByText('Deployment checkout')
      .closest('tr')!;
    expect(within(checkout).getByText('prod-eu / shop')).toBeInTheDocument();
    expect(within(checkout).getByText('$39.80')).toBeInTheDocument();
    expect(within(checkout).getByText('792 core-h')).toBeInTheDocument();
    expect(within(checkout).getByText('CPU 45% · mem 71%')).toBeInTheDocument();
    expect(getCostPods).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show pods of Deployment checkout' }),
    );

    const pods = await screen.findByRole('table', {
      name: 'Pods of Deployment checkout',
    });
    const [query] = getCostPods.mock.calls[0];
    const summaryQuery = jest.mocked(api.getCostSummary);
    expect(query).toEqual({
      entityRef: 'component:default/checkout',
      from: expect.stringMatching(/T00:00:00\.000Z$/),
      to: expect.stringMatching(/T00:00:00\.000Z$/),
      cluster: 'prod-eu',
      namespace: 'shop',
      controllerKind: 'Deployment',
      controller: 'checkout',
    });
    expect(summaryQuery).toBeDefined();

    const replacement = within(pods)
      .getByText('checkout-7d9f8-x2k4q')
      .closest('tr')!;
    expect(within(replacement).getByText('$7.63')).toBeInTheDocument();
    // A number and its unit stay on one line in the narrow nested columns.
    for (const line of [
      within(replacement).getByText('$7.63'),
      ...within(replacement).getAllByText(/ core-h$/),
    ]) {
      expect(line).toHaveStyle({ whiteSpace: 'nowrap' });
    }
    expect(within(replacement).getByText('on spot-1')).toBeInTheDocument();
    expect(within(pods).getByText('checkout-7d9f8-a1b2c')).toBeInTheDocument();
    expect(within(pods).getAllByText('app')).toHaveLength(2);
    expect(
      within(pods).getAllByText('requests 100m CPU, 128 MiB'),
    ).toHaveLength(2);
    expect(within(pods).getAllByText('requests 1 CPU, 2 GiB')).toHaveLength(2);

    await userEvent.click(
      screen.getByRole('button', { name: 'Hide pods of Deployment checkout' }),
    );
    expect(
      screen.queryByRole('table', { name: 'Pods of Deployment checkout' }),
    ).toBeNull();
  });

  it('lists savings and risks in separate tables', async () => {
    await renderCostTab();
    expect(
      await screen.findByText('Savings (3): $18.98 a month'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Under-provisioned risk (1): $21.90 a month'),
    ).toBeInTheDocument();

    const app = screen.getByText('Deployment checkout / app').closest('tr')!;
    expect(within(app).getByText('1 → 348m')).toBeInTheDocument();
    expect(within(app).getByText('2 GiB → 615 MiB')).toBeInTheDocument();
    expect(within(app).getByText('$14.40')).toBeInTheDocument();
    expect(within(app).getByText('$14.60')).toBeInTheDocument();

    // The worker saves memory and risks CPU: a row in each table.
    const workerRows = screen
      .getAllByText('Deployment checkout-worker / worker')
      .map(cell => cell.closest('tr')!);
    expect(workerRows).toHaveLength(2);
    const riskRow = workerRows[1];
    expect(
      within(riskRow).getByText('200m → 1200m (under-provisioned)'),
    ).toBeInTheDocument();
    expect(within(riskRow).getAllByText('$21.90').length).toBeGreaterThan(0);
  });

  it('shows the recommended requests as YAML with a copy button', async () => {
    await renderCostTab();
    const snippet = await screen.findByRole('region', {
      name: 'Recommended requests YAML',
    });
    const code = snippet.querySelector('code')!;
    expect(code.textContent).toBe(
      [
        '# Deployment checkout (cluster prod-eu, namespace shop)',
        'containers:',
        '  - name: app',
        '    resources:',
        '      requests:',
        '        cpu: 348m',
        '        memory: 615Mi',
        '  - name: istio-proxy',
        '    resources:',
        '      requests:',
        '        cpu: 12m',
        '        memory: 20Mi',
        '---',
        '# Deployment checkout-worker (cluster prod-eu, namespace shop)',
        'containers:',
        '  - name: worker',
        '    resources:',
        '      requests:',
        '        cpu: 1200m',
        '        memory: 120Mi',
        '',
      ].join('\n'),
    );
    expect(
      within(snippet).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
  });

  it('flags the deployments that raised the daily cost', async () => {
    await renderCostTab();
    expect(
      await screen.findByText('Cost of deployments (2, 1 flagged)'),
    ).toBeInTheDocument();
    const raised = screen.getByText('deploy-4711').closest('tr')!;
    expect(within(raised).getByText('$2.20/day (3 d)')).toBeInTheDocument();
    expect(within(raised).getByText('$2.90/day (2 d)')).toBeInTheDocument();
    expect(within(raised).getByText('+32%')).toBeInTheDocument();
    expect(within(raised).getByText('Raised cost')).toBeInTheDocument();

    const flat = screen.getByText('deploy-4698').closest('tr')!;
    expect(within(flat).getByText('+2%')).toBeInTheDocument();
    expect(within(flat).queryByText('Raised cost')).toBeNull();
  });

  it('exports the controllers, the recommendations and the deployments as CSV', async () => {
    await renderCostTab();
    await screen.findByText('Cost of deployments (2, 1 flagged)');

    await userEvent.click(
      screen.getByRole('button', { name: 'Export controllers CSV' }),
    );
    const exportButtons = screen.getAllByRole('button', { name: 'Export CSV' });
    expect(exportButtons).toHaveLength(3);
    for (const button of exportButtons) {
      await userEvent.click(button);
    }

    const calls = jest.mocked(downloadCsv).mock.calls;
    expect(calls.map(([filename]) => filename)).toEqual([
      'checkout-controllers-2026-10-24-to-2026-11-23.csv',
      'checkout-savings-2026-10-24-to-2026-11-23.csv',
      'checkout-risks-2026-10-24-to-2026-11-23.csv',
      'checkout-deployment-cost-2026-10-24-to-2026-11-23.csv',
    ]);
    expect(calls[0][1]).toEqual(componentSummary.controllers);
    expect(calls[0][2]).toBe(controllerCsvColumns);
    expect(calls[1][1]).toEqual(recommendations.savings);
    expect(calls[1][2]).toBe(recommendationCsvColumns);
    expect(calls[2][1]).toEqual(recommendations.risks);
    expect(calls[3][1]).toEqual(costDeployments.items);
    expect(calls[3][2]).toBe(deploymentCostCsvColumns);
  });

  it('writes controller rows with their keys and sums', () => {
    const [header, first] = toCsv(
      componentSummary.controllers,
      controllerCsvColumns,
    ).split('\r\n');
    expect(header).toBe(
      'cluster,namespace,controllerKind,controller,containerHours,missingPriceHours,' +
        'cpuRequestCoreHours,cpuUsageCoreHours,cpuBilledCoreHours,' +
        'memoryRequestByteHours,memoryUsageByteHours,memoryBilledByteHours,' +
        'cpuEfficiency,memoryEfficiency,efficiency,cpuCost,memoryCost,cost,' +
        'sharedIdleCost,costWithIdle',
    );
    const cells = first.split(',');
    expect(cells.slice(0, 9)).toEqual([
      'prod-eu',
      'shop',
      'Deployment',
      'checkout',
      '1440',
      '12',
      '792',
      '360',
      '800',
    ]);
    expect(cells[9]).toBe(String(1530 * 2 ** 30));
    expect(cells.slice(15)).toEqual(['32', '7.8', '39.8', '0', '39.8']);
  });
});
