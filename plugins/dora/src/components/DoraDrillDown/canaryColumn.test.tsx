import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  canaryIncidentsOfPayments,
  componentEntity,
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

const COLUMN = 'Platform or product?';

/** The text of each row's cell in the named column, by the row's first cell. */
function columnByRow(table: HTMLElement, column: string) {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map(header => header.textContent);
  const index = headers.indexOf(column);
  expect(index).toBeGreaterThan(-1);
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => {
        const cells = (row as HTMLTableRowElement).cells;
        // A link's name ends with ", Opens in a new window".
        const id = cells[0].textContent!.replace(
          /, Opens in a new window$/,
          '',
        );
        return [id, cells[index].textContent];
      }),
  );
}

describe('Platform or product? in the drill-down', () => {
  it('marks the failed deployments a failing canary explains', async () => {
    const api = createFakePlatformApi({
      getCanaryIncidents: async () => canaryIncidentsOfPayments,
    });
    const getCanaryIncidents = jest.spyOn(api, 'getCanaryIncidents');
    await renderTab(api);

    const panel = await screen.findByRole('tabpanel', { name: 'Deployments' });
    await within(panel).findByRole('columnheader', { name: COLUMN });
    expect(columnByRow(within(panel).getByRole('table'), COLUMN)).toEqual({
      // Failed at 10:05 while ingress-http had been failing since 09:55.
      'deploy-4711': 'Platform: ingress down in prod-eu',
      // Failed at 15:09, three minutes before dns-resolve started failing.
      'deploy-4702': '',
      // Did not fail: nothing to explain.
      'deploy-4698': '',
    });

    // The same entity and DORA window.
    const [query] = getCanaryIncidents.mock.calls[0];
    expect(query.entityRef).toBe('component:default/payments-api');
    expect(query.from).toBeDefined();
    expect(query.to).toBeDefined();
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBeGreaterThan(0);
  });

  it('marks the incidents opened while a canary was failing', async () => {
    await renderTab(
      createFakePlatformApi({
        getCanaryIncidents: async () => canaryIncidentsOfPayments,
      }),
    );
    await screen.findByText('Deployments (3)');
    await userEvent.click(screen.getByRole('tab', { name: 'Incidents' }));
    await screen.findByText('Incidents (2)');
    const panel = screen.getByRole('tabpanel', { name: 'Incidents' });
    await within(panel).findByRole('columnheader', { name: COLUMN });
    expect(columnByRow(within(panel).getByRole('table'), COLUMN)).toEqual({
      // Opened at 10:20, inside ingress-http's failing period.
      'INC-208': 'Platform: ingress down in prod-eu',
      'INC-214': '',
    });
  });

  it('has no such column when the canary feature fails', async () => {
    const api = createFakePlatformApi();
    const getCanaryIncidents = jest.spyOn(api, 'getCanaryIncidents');
    await renderTab(api);
    expect(await screen.findByText('Deployments (3)')).toBeInTheDocument();
    expect(getCanaryIncidents).toHaveBeenCalled();
    expect(screen.queryByRole('columnheader', { name: COLUMN })).toBeNull();
    expect(screen.queryByText(/^Platform:/)).toBeNull();
    expect(screen.queryByText(/404/)).toBeNull();
  });

  it('has no such column when no cluster of the component is known', async () => {
    await renderTab(
      createFakePlatformApi({
        getCanaryIncidents: async () => ({
          ...canaryIncidentsOfPayments,
          components: [
            {
              entityRef: 'component:default/payments-api',
              clusters: [],
              clusterSource: 'none',
            },
          ],
        }),
      }),
    );
    expect(await screen.findByText('Deployments (3)')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: COLUMN })).toBeNull();
  });
});
