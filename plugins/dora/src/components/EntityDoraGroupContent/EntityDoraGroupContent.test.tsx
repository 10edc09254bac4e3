import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  downloadCsv,
  PlatformApi,
  platformApiRef,
  toCsv,
} from '@goldenpath/plugin-platform-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createFakePlatformApi,
  doraGroup,
  emptyDoraMetrics,
  groupEntity,
} from '../../__fixtures__/doraMetrics';
import { EntityDoraContent } from '../EntityDoraContent';
import { EntityDoraGroupContent } from './EntityDoraGroupContent';
import { groupComponentCsvColumns } from './GroupComponentsTable';

jest.mock('@goldenpath/plugin-platform-react', () => ({
  ...jest.requireActual('@goldenpath/plugin-platform-react'),
  downloadCsv: jest.fn(),
}));

async function renderGroupTab(
  element = <EntityDoraGroupContent />,
  api: PlatformApi = createFakePlatformApi(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, api]]}>
      <EntityProvider entity={groupEntity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function rowOf(name: string) {
  const row = screen
    .getAllByRole('row')
    .find(r => within(r).queryByText(name) !== null);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('EntityDoraGroupContent', () => {
  it('asks the group route for the group', async () => {
    const api = createFakePlatformApi();
    const getDoraGroup = jest.spyOn(api, 'getDoraGroup');
    await renderGroupTab(undefined, api);
    await screen.findByText('Components (3)');
    expect(getDoraGroup).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'group:default/payments',
        environment: 'production',
      }),
    );
  });

  it('shows the roll-up tiles', async () => {
    await renderGroupTab();
    const df = await screen.findByRole('region', {
      name: 'Deployment frequency',
    });
    expect(within(df).getByText('8.0')).toBeInTheDocument();
    expect(within(df).getByText('Elite')).toBeInTheDocument();
    const cfr = screen.getByRole('region', { name: 'Change failure rate' });
    expect(within(cfr).getByText('7.8')).toBeInTheDocument();
    expect(
      within(cfr).getByText('8 of 103 deployments failed'),
    ).toBeInTheDocument();
    // The roll-up is compared with the previous period like a component's.
    expect(within(df).getByText(/vs previous 90 days/)).toBeInTheDocument();
  });

  it('lists the components with their values, tiers and links to their DORA tab', async () => {
    await renderGroupTab();
    await screen.findByText('Components (3)');

    const ledger = rowOf('ledger');
    expect(within(ledger).getByText('0.6/week')).toBeInTheDocument();
    expect(within(ledger).getByText('7.9 days')).toBeInTheDocument();
    expect(within(ledger).getByText('25%')).toBeInTheDocument();
    expect(within(ledger).getByText('Low')).toBeInTheDocument();
    expect(within(ledger).getAllByText('Medium')).toHaveLength(3);
    expect(
      within(ledger).getByRole('link', { name: /ledger/ }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger');
    expect(
      within(ledger).getByRole('link', { name: 'DORA tab' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger/dora');

    const checkout = rowOf('checkout-web');
    expect(within(checkout).getAllByText('Elite')).toHaveLength(4);
    expect(within(checkout).getByText('36 min')).toBeInTheDocument();
  });

  it('exports the components as CSV', async () => {
    await renderGroupTab();
    await screen.findByText('Components (3)');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloadCsv).toHaveBeenCalledWith(
      'payments-components-2026-08-25-to-2026-11-23.csv',
      doraGroup.components,
      groupComponentCsvColumns,
    );
    expect(toCsv(doraGroup.components.slice(2), groupComponentCsvColumns)).toBe(
      'entityRef,deployments,deploymentsPerWeek,deploymentFrequencyTier,leadTimeMedianHours,leadTimeP90Hours,leadTimeTier,changeFailureRate,failedDeployments,changeFailureRateTier,recoveryMedianHours,openIncidents,recoveryTimeTier,reworkRate\r\n' +
        'component:default/ledger,8,0.62,medium,190,420,medium,0.25,2,low,30,0,medium,0.125\r\n',
    );
  });

  it('says when the group owns no components', async () => {
    await renderGroupTab(
      undefined,
      createFakePlatformApi({
        getDoraGroup: async () => ({ ...doraGroup, components: [] }),
      }),
    );
    expect(await screen.findByText('No components')).toBeInTheDocument();
  });

  it('says when nothing was ever linked to the components it owns', async () => {
    const { deploymentFrequency, leadTime, changeFailureRate } =
      emptyDoraMetrics;
    const { recoveryTime, reworkRate } = emptyDoraMetrics;
    const api = createFakePlatformApi({
      getDoraGroup: async () => ({
        ...doraGroup,
        components: doraGroup.components.map(({ entityRef }) => ({
          entityRef,
          deploymentFrequency,
          leadTime,
          changeFailureRate,
          recoveryTime,
          reworkRate,
        })),
      }),
      getActivity: async ({ entityRef }) => ({
        entityRef,
        entityRefs: doraGroup.components.map(c => c.entityRef),
        linkedEvents: 0,
        firstOccurredAt: null,
        lastOccurredAt: null,
      }),
    });
    const getActivity = jest.spyOn(api, 'getActivity');
    await renderGroupTab(undefined, api);

    expect(await screen.findByText('No DORA data yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No deployment, change or incident events are linked to the components this group owns yet.',
      ),
    ).toBeInTheDocument();
    expect(getActivity).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: 'group:default/payments' }),
    );
  });

  it('is what EntityDoraContent shows for a Group', async () => {
    await renderGroupTab(<EntityDoraContent />);
    expect(await screen.findByText('Components (3)')).toBeInTheDocument();
  });
});
