import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import {
  componentWithoutAnnotation,
  createFakePlatformApi,
  databaseEntity,
  newComponentEntity,
  uncheckedComponentEntity,
} from '../../__fixtures__/canaryData';
import { renderCanaryTab } from '../../__testUtils__/renderCanaryTab';

describe('the Canary tab without checks to show', () => {
  it('asks for a Kubernetes annotation and calls nothing', async () => {
    const api = createFakePlatformApi();
    const get = jest.spyOn(api, 'get');
    await renderCanaryTab(api, componentWithoutAnnotation);
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    for (const annotation of [
      'backstage.io/kubernetes-id',
      'backstage.io/kubernetes-label-selector',
      'backstage.io/kubernetes-namespace',
      'goldenpath.dev/clusters',
    ]) {
      expect(
        screen.getAllByText(new RegExp(annotation.replace(/[./]/g, '\\$&')))
          .length,
      ).toBeGreaterThan(0);
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('says the tab covers components and clusters on another Resource', async () => {
    await renderCanaryTab(createFakePlatformApi(), databaseEntity);
    expect(
      await screen.findByText('No canary checks for this kind of entity'),
    ).toBeInTheDocument();
  });

  it('explains how clusters are found when none is known', async () => {
    await renderCanaryTab(createFakePlatformApi(), newComponentEntity);
    expect(
      await screen.findByText('No clusters known for this component'),
    ).toBeInTheDocument();
    expect(screen.getByText('goldenpath.dev/clusters')).toBeInTheDocument();
    expect(screen.getByText('pod.usage')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Verdict' })).toBeNull();
  });

  it('explains how to declare checks or install Kuberhealthy when its clusters run none', async () => {
    const api = createFakePlatformApi();
    const getCanaryRollouts = jest.spyOn(api, 'getCanaryRollouts');
    await renderCanaryTab(api, uncheckedComponentEntity);
    expect(await screen.findByText('No canary checks yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No canary check runs in prod-ap, so nothing says whether the platform under this component works.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('platform.canary.clusters')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kuberhealthy' })).toHaveAttribute(
      'href',
      'https://github.com/kuberhealthy/kuberhealthy',
    );
    expect(screen.queryByRole('table')).toBeNull();
    // Its own rollouts are still worth showing.
    expect(getCanaryRollouts).toHaveBeenCalledWith({
      entityRef: 'component:default/search',
    });
  });

  it('shows the error panel when the entity is not found', async () => {
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
    await renderCanaryTab(
      createFakePlatformApi({ getCanaryStatus: () => Promise.reject(error) }),
    );
    expect(
      (await screen.findAllByText(/Request failed with 404 Not Found/)).length,
    ).toBeGreaterThan(0);
  });
});
