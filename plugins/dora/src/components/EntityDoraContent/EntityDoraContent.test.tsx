import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  downloadCsv,
  PlatformApi,
  platformApiRef,
  toCsv,
} from '@goldenpath/plugin-platform-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  componentEntity,
  componentWithoutSlug,
  createFakePlatformApi,
  doraDeployments,
  doraChanges,
  doraMetrics,
  emptyDoraMetrics,
} from '../../__fixtures__/doraMetrics';
import { deploymentCsvColumns, changeCsvColumns } from '../DoraDrillDown';
import { CHANGE_FAILURE_RATE_DEFINITION } from '../definitions';
import { EntityDoraContent } from './EntityDoraContent';

jest.mock('@goldenpath/plugin-platform-react', () => ({
  ...jest.requireActual('@goldenpath/plugin-platform-react'),
  downloadCsv: jest.fn(),
}));

async function renderTab(
  api: PlatformApi = createFakePlatformApi(),
  entity: Entity = componentEntity,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDoraContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function neverLinked(entityRef: string) {
  return {
    entityRef,
    entityRefs: [entityRef],
    linkedEvents: 0,
    firstOccurredAt: null,
    lastOccurredAt: null,
  };
}

function tile(name: string) {
  return screen.getByRole('region', { name });
}

describe('EntityDoraContent (legacy system)', () => {
  beforeEach(() => jest.mocked(downloadCsv).mockClear());

  it('asks for the last 90 days in production by default', async () => {
    const api = createFakePlatformApi();
    const getDoraMetrics = jest.spyOn(api, 'getDoraMetrics');
    await renderTab(api);
    await screen.findByRole('region', { name: 'Deployment frequency' });

    const query = getDoraMetrics.mock.calls[0][0];
    expect(query).toMatchObject({
      entityRef: 'component:default/payments-api',
      environment: 'production',
    });
    const days =
      (new Date(query.to!).getTime() - new Date(query.from!).getTime()) /
      86_400_000;
    expect(days).toBe(90);
  });

  it('shows the four tiles with the fixture values, tiers and changes', async () => {
    await renderTab();
    await screen.findByRole('region', { name: 'Deployment frequency' });

    const df = tile('Deployment frequency');
    expect(within(df).getByText('2.4')).toBeInTheDocument();
    expect(within(df).getByText('/week')).toBeInTheDocument();
    expect(within(df).getByText('High')).toBeInTheDocument();
    expect(
      within(df).getByText('31 deployments in 90 days'),
    ).toBeInTheDocument();
    expect(within(df).getByText(/vs previous 90 days/)).toHaveTextContent(
      '+0.5/week vs previous 90 days, better',
    );

    const lt = tile('Lead time for changes');
    expect(within(lt).getByText('26.4')).toBeInTheDocument();
    expect(within(lt).getByText('hours')).toBeInTheDocument();
    expect(within(lt).getByText('p90 4.1 days')).toBeInTheDocument();
    expect(within(lt).getByText('High')).toBeInTheDocument();
    expect(within(lt).getByRole('img', { name: 'Down' })).toBeInTheDocument();
    expect(within(lt).getByText(/vs previous/)).toHaveTextContent(/better$/);

    const cfr = tile('Change failure rate');
    expect(within(cfr).getByText('12.9')).toBeInTheDocument();
    expect(within(cfr).getByText('%')).toBeInTheDocument();
    expect(within(cfr).getByText('Medium')).toBeInTheDocument();
    expect(
      within(cfr).getByText('4 of 31 deployments failed'),
    ).toBeInTheDocument();
    expect(within(cfr).getByText(/vs previous/)).toHaveTextContent(
      '+0.4 pp vs previous 90 days, worse',
    );

    const rt = tile('Failed deployment recovery time');
    expect(within(rt).getByText('2.5')).toBeInTheDocument();
    expect(
      within(rt).getByText('1 open incident, 3 resolved'),
    ).toBeInTheDocument();
    expect(within(rt).getByText('High')).toBeInTheDocument();

    expect(
      within(tile('Deployment rework rate')).getByText('6.5%'),
    ).toBeInTheDocument();
    expect(
      within(tile('Successful deployments per week')).getByText('2.41'),
    ).toBeInTheDocument();
  });

  it('explains a tile in its popover: definition, inputs, window and tiers', async () => {
    await renderTab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'About Change failure rate' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'About Change failure rate',
    });
    expect(
      within(dialog).getByText(CHANGE_FAILURE_RATE_DEFINITION),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        '31 deployments, 4 failed (linked to an incident or rolled back): 12.9%',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('4 incidents in the window'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Window: Aug 25, 2026 – Nov 22, 2026 (UTC)'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Environment: production'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Tiers (2024 model)')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Medium: 20% or less (this entity)'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Elite: 5% or less')).toBeInTheDocument();
    expect(within(dialog).getByText('Low: More than 20%')).toBeInTheDocument();
  });

  it('draws the trend charts, deployments first', async () => {
    await renderTab();
    const figures = await screen.findAllByRole('figure');
    expect(
      figures.map(f => f.getAttribute('aria-label')?.split(':')[0]),
    ).toEqual([
      'Successful deployments per week',
      'Lead time median',
      'Change failure rate',
      'Recovery time median',
      'Median hours to merge by pull request size',
    ]);
  });

  it('lists the deployments in the drill-down and switches to changes', async () => {
    await renderTab();
    expect(await screen.findByText('Deployments (3)')).toBeInTheDocument();

    const link = screen.getByRole('link', { name: /^deploy-4711/ });
    expect(link).toHaveAttribute('href', doraDeployments.items[0].url);
    const row = link.closest('tr')!;
    expect(within(row).getByText('INC-208')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('yes')).toBeInTheDocument();
    expect(screen.getByText('deploy-4702')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Changes' }));
    expect(await screen.findByRole('link', { name: /^#412/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/pull/412',
    );
    expect(screen.getByText('not deployed yet')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Incidents' }));
    expect(await screen.findByText('INC-214')).toBeInTheDocument();
    expect(screen.getAllByText('open').length).toBeGreaterThan(0);
  });

  it('exports the deployments as CSV', async () => {
    await renderTab();
    await screen.findByText('Deployments (3)');

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [filename, rows, columns] = jest.mocked(downloadCsv).mock.calls[0];
    expect(filename).toMatch(
      /^payments-api-deployments-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(rows).toEqual(doraDeployments.items);
    expect(columns).toBe(deploymentCsvColumns);
  });

  it('writes the expected CSV for deployments and changes', () => {
    const deployments = toCsv(
      doraDeployments.items.slice(0, 1),
      deploymentCsvColumns,
    );
    expect(deployments).toBe(
      'deploymentId,environment,status,startedAt,finishedAt,sha,countsAsDeployment,shippedCommits,shippedShas,failed,incidentIds,rollback,rework,url\r\n' +
        'deploy-4711,production,success,2026-11-20T10:00:00.000Z,2026-11-20T10:05:00.000Z,' +
        '9fceb02d0ae598e95dc970b74767f19372d61af8,true,3,' +
        '9fceb02d0ae598e95dc970b74767f19372d61af8 3a1b2c4d5e6f708192a3b4c5d6e7f80912a3b4c5 77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd,' +
        'true,INC-208,false,,https://argocd.example.com/applications/payments-api?revision=9fceb02\r\n',
    );
    const changes = toCsv(doraChanges.items.slice(1), changeCsvColumns);
    expect(changes.split('\r\n')[1]).toBe(
      'acme/payments-api,415,2026-11-21T09:00:00.000Z,2026-11-21T09:40:00.000Z,' +
        'aabbccdd0ae598e95dc970b74767f19372d61af8,4,2,1,"chore deps, minor",0.67,,,,https://github.com/acme/payments-api/pull/415',
    );
  });

  it('refetches for another environment and time range', async () => {
    const api = createFakePlatformApi();
    const getDoraMetrics = jest.spyOn(api, 'getDoraMetrics');
    await renderTab(api);
    await screen.findByRole('region', { name: 'Deployment frequency' });

    const filters = screen.getByRole('group', { name: 'DORA filters' });
    await userEvent.click(
      within(filters).getByRole('button', { name: 'Environment' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Staging' }),
    );
    await waitFor(() =>
      expect(getDoraMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({ environment: 'staging' }),
      ),
    );

    await userEvent.click(
      within(filters).getByRole('button', { name: 'Time range' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 30 days' }),
    );
    await waitFor(() => {
      const query = getDoraMetrics.mock.lastCall![0];
      expect(
        (new Date(query.to!).getTime() - new Date(query.from!).getTime()) /
          86_400_000,
      ).toBe(30);
      expect(query.environment).toBe('staging');
    });
  });

  it('shows how to send events when nothing is linked yet', async () => {
    await renderTab(
      createFakePlatformApi({
        getDoraMetrics: async () => emptyDoraMetrics,
        getActivity: async ({ entityRef }) => neverLinked(entityRef),
      }),
    );
    expect(await screen.findByText('No DORA data yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No deployment, change or incident events are linked to this entity yet.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('github.com/project-slug')).toBeInTheDocument();
    expect(
      screen.getByText(/see “Sending events” in the Golden Path README/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Deployment frequency' }),
    ).toBeNull();
  });

  it('tells an empty window apart and jumps to the latest data', async () => {
    // Events stopped on Nov 22, 2026: only a window ending then has numbers.
    const api = createFakePlatformApi({
      getDoraMetrics: async query =>
        query.to === '2026-11-23T00:00:00.000Z'
          ? doraMetrics
          : emptyDoraMetrics,
    });
    const getDoraMetrics = jest.spyOn(api, 'getDoraMetrics');
    const getActivity = jest.spyOn(api, 'getActivity');
    await renderTab(api);

    expect(
      await screen.findByText('No DORA data in this window'),
    ).toBeInTheDocument();
    expect(getActivity).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      type: 'deployment.finished,change.merged,incident.opened,incident.resolved',
    });
    expect(
      screen.getByText(/The latest linked event is from Nov 22, 2026\./),
    ).toBeInTheDocument();
    expect(screen.queryByText('No DORA data yet')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Jump to the latest data' }),
    );

    const frequency = await screen.findByRole('region', {
      name: 'Deployment frequency',
    });
    expect(within(frequency).getByText('2.4')).toBeInTheDocument();
    expect(getDoraMetrics.mock.lastCall![0]).toMatchObject({
      from: '2026-08-25T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      environment: 'production',
    });
    expect(screen.getByText('ending Nov 22, 2026')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Back to today' }),
    );
    expect(
      await screen.findByText('No DORA data in this window'),
    ).toBeInTheDocument();
  });

  it('offers the environments the entity deployed to', async () => {
    const api = createFakePlatformApi({
      getDoraEnvironments: async () => ({
        environments: ['canary', 'production', 'prod-eu'],
      }),
    });
    const getDoraEnvironments = jest.spyOn(api, 'getDoraEnvironments');
    await renderTab(api);
    await screen.findByRole('region', { name: 'Deployment frequency' });
    expect(getDoraEnvironments).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
    });

    const filters = screen.getByRole('group', { name: 'DORA filters' });
    await userEvent.click(
      within(filters).getByRole('button', { name: 'Environment' }),
    );
    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual(['Canary', 'Production', 'Prod-eu']);
  });

  it('asks for the annotation when the Component has none', async () => {
    const api = createFakePlatformApi();
    const getDoraMetrics = jest.spyOn(api, 'getDoraMetrics');
    await renderTab(api, componentWithoutSlug);
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/github\.com\/project-slug/).length,
    ).toBeGreaterThan(0);
    expect(getDoraMetrics).not.toHaveBeenCalled();
  });

  it('shows the error panel when the backend fails', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'No entity component:default/payments-api',
          },
          response: { statusCode: 404 },
        }),
        {
          status: 404,
          statusText: 'Not Found',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    await renderTab(
      createFakePlatformApi({ getDoraMetrics: () => Promise.reject(error) }),
    );
    expect(
      await screen.findByText(/Request failed with 404 Not Found/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/No entity component:default\/payments-api/).length,
    ).toBeGreaterThan(0);
  });
});
