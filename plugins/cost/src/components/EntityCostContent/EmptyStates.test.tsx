import { ResponseError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clusterEntity,
  componentSummary,
  componentWithoutAnnotation,
  createFakePlatformApi,
  databaseEntity,
  emptyWindowSummary,
  newComponentEntity,
} from '../../__fixtures__/costData';
import { renderCostTab, tile } from '../../__testUtils__/renderCostTab';

describe('the Cost tab without data', () => {
  it('asks for a Kubernetes annotation and calls nothing', async () => {
    const api = createFakePlatformApi();
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await renderCostTab(api, componentWithoutAnnotation);
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    for (const annotation of [
      'backstage.io/kubernetes-id',
      'backstage.io/kubernetes-label-selector',
      'backstage.io/kubernetes-namespace',
    ]) {
      expect(
        screen.getAllByText(new RegExp(annotation.replace(/[./]/g, '\\$&')))
          .length,
      ).toBeGreaterThan(0);
    }
    expect(getCostSummary).not.toHaveBeenCalled();
  });

  it('says the tab covers components, groups and clusters on another Resource', async () => {
    await renderCostTab(createFakePlatformApi(), databaseEntity);
    expect(
      await screen.findByText('No cost for this kind of entity'),
    ).toBeInTheDocument();
  });

  it('explains where cost comes from when there never was any', async () => {
    await renderCostTab(createFakePlatformApi(), newComponentEntity);
    expect(await screen.findByText('No cost data yet')).toBeInTheDocument();
    expect(
      screen.getByText('No pod usage is linked to this component yet.'),
    ).toBeInTheDocument();
    expect(screen.getByText('pod.usage')).toBeInTheDocument();
    expect(screen.getByText('node.cost')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Cost' })).toBeNull();
  });

  it('tells an empty window apart and jumps to the latest data', async () => {
    // Usage stopped on Sep 30, 2026: only a window ending then has numbers.
    const api = createFakePlatformApi({
      getCostSummary: async query =>
        query.to === '2026-10-01T00:00:00.000Z'
          ? componentSummary
          : emptyWindowSummary,
      getActivity: async ({ entityRef }) => ({
        entityRef,
        entityRefs: [entityRef],
        linkedEvents: 4_320,
        firstOccurredAt: '2026-05-04T09:00:00.000Z',
        lastOccurredAt: '2026-09-30T23:00:00.000Z',
      }),
    });
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    const getActivity = jest.spyOn(api, 'getActivity');
    await renderCostTab(api);

    expect(
      await screen.findByText('No cost data in this window'),
    ).toBeInTheDocument();
    expect(getActivity).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      type: 'pod.usage,node.cost',
    });
    expect(
      screen.getByText(/The latest linked event is from Sep 30, 2026\./),
    ).toBeInTheDocument();
    expect(screen.queryByText('No cost data yet')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Jump to the latest data' }),
    );
    await screen.findByRole('region', { name: 'Cost' });
    expect(within(tile('Cost')).getByText('$74.76')).toBeInTheDocument();
    expect(getCostSummary.mock.lastCall![0]).toMatchObject({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    expect(screen.getByText('ending Sep 30, 2026')).toBeInTheDocument();
  });

  it('counts a component without container-hours as empty, whatever its clusters’ idle', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => ({
          ...emptyWindowSummary,
          idle: componentSummary.idle,
        }),
      }),
    );
    expect(
      await screen.findByText('No cost data in this window'),
    ).toBeInTheDocument();
  });

  it('shows a cluster whose nodes ran without any container', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => ({
          ...emptyWindowSummary,
          entityRef: 'resource:default/prod-eu',
          scope: 'cluster',
          idle: componentSummary.idle,
        }),
      }),
      clusterEntity,
    );
    const cluster = await screen.findByRole('region', { name: 'Cluster cost' });
    expect(within(cluster).getByText('$518.40')).toBeInTheDocument();
  });

  it('says from when there is data when the log cannot tell the latest', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => ({
          ...emptyWindowSummary,
          entityRef: 'resource:default/prod-eu',
          scope: 'cluster',
        }),
      }),
      clusterEntity,
    );
    expect(
      await screen.findByText('No cost data in this window'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Cost data for this cluster starts on May 4, 2026.'),
    ).toBeInTheDocument();
  });

  it('shows the error panel when the backend fails', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'no catalog entity component:default/checkout',
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
    await renderCostTab(
      createFakePlatformApi({ getCostSummary: () => Promise.reject(error) }),
    );
    expect(
      await screen.findByText(/Request failed with 404 Not Found/),
    ).toBeInTheDocument();
  });

  it('keeps the tiles when only the recommendations fail', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostRecommendations: () =>
          Promise.reject(new Error('no raw samples')),
      }),
    );
    const savings = await screen.findByRole('region', {
      name: 'Monthly savings',
    });
    expect(
      await within(savings).findByText(
        'Recommendations unavailable: no raw samples',
      ),
    ).toBeInTheDocument();
    expect(within(tile('Cost')).getByText('$74.76')).toBeInTheDocument();
  });
});
