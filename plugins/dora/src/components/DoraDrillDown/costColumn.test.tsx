import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen, within } from '@testing-library/react';
import {
  componentEntity,
  costOfDeployments,
  createFakePlatformApi,
  FakePlatformApi,
} from '../../__fixtures__/doraMetrics';
import { EntityDoraContent } from '../EntityDoraContent';

async function renderTab(api: FakePlatformApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, api]]}>
      <EntityProvider entity={componentEntity}>
        <EntityDoraContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const DAY_MS = 86_400_000;

describe('the deployments drill-down with the Cost feature', () => {
  it('shows the cost change and flags deployments that raised it', async () => {
    const api = createFakePlatformApi({
      getCostDeployments: async () => costOfDeployments,
    });
    const getCostDeployments = jest.spyOn(api, 'getCostDeployments');
    await renderTab(api);

    expect(
      await screen.findByRole('columnheader', { name: 'Cost' }),
    ).toBeInTheDocument();
    const raised = screen
      .getByRole('link', { name: /^deploy-4711/ })
      .closest('tr')!;
    expect(within(raised).getByText(/\+32% daily cost/)).toBeInTheDocument();
    expect(within(raised).getByText('Raised cost')).toBeInTheDocument();

    const flat = screen
      .getByRole('link', { name: /^deploy-4698/ })
      .closest('tr')!;
    expect(within(flat).getByText('+2% daily cost')).toBeInTheDocument();
    expect(within(flat).queryByText('Raised cost')).toBeNull();

    // Not in the Cost feature's answer: no number, no flag.
    const unknown = screen
      .getByText('deploy-4702')
      .closest('tr') as HTMLTableRowElement;
    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    expect(unknown.cells[headers.indexOf('Cost')]).toHaveTextContent(/^–$/);
    expect(within(unknown).queryByText('Raised cost')).toBeNull();

    // Same entity; the DORA window widened to whole UTC days.
    const [query] = getCostDeployments.mock.calls[0];
    expect(query.entityRef).toBe('component:default/payments-api');
    expect(query.from).toMatch(/T00:00:00\.000Z$/);
    expect(query.to).toMatch(/T00:00:00\.000Z$/);
    const days = (Date.parse(query.to!) - Date.parse(query.from!)) / DAY_MS;
    expect([90, 91]).toContain(days);
  });

  it('has no cost column and no error when the Cost feature fails', async () => {
    const api = createFakePlatformApi();
    const getCostDeployments = jest.spyOn(api, 'getCostDeployments');
    await renderTab(api);

    expect(await screen.findByText('Deployments (3)')).toBeInTheDocument();
    expect(getCostDeployments).toHaveBeenCalled();
    expect(screen.queryByRole('columnheader', { name: 'Cost' })).toBeNull();
    expect(screen.queryByText(/404/)).toBeNull();
    expect(screen.queryByText('Raised cost')).toBeNull();
  });
});
