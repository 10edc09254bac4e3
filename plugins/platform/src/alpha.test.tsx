import {
  ApiBlueprint,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { PlatformApi, platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import platformPlugin, { platformApi } from './alpha';

const backend = 'http://backstage.example.com:7007';

function jsonResponse(body: unknown) {
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Uses the API the way a tab does, and shows what came back. */
function DeploymentCount() {
  const api = useApi(platformApiRef);
  const [text, setText] = useState('loading');
  useEffect(() => {
    api
      .get('/dora/metrics', { entityRef: 'component:default/payments-api' })
      .then(
        value => setText(`${value.inputs.deployments} deployments`),
        (error: Error) => setText(error.message),
      );
  }, [api]);
  return <p>{text}</p>;
}

describe('platform plugin (New Frontend System)', () => {
  it('is called platform and has the one API extension, api:platform', () => {
    expect(platformPlugin.pluginId).toBe('platform');
    expect(platformPlugin.getExtension('api:platform')).toMatchObject({
      kind: 'api',
      namespace: 'platform',
    });
  });

  it('provides platformApiRef with a client over discovery and fetch', async () => {
    const tester = createExtensionTester(platformApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(platformApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);

    const fetch = jest.fn().mockResolvedValue(jsonResponse({ ok: true }));
    const client = factory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: backend }),
      fetchApi: { fetch },
    }) as PlatformApi;
    await expect(
      client.get('/dora/group', { entityRef: 'group:default/payments' }),
    ).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(
      `${backend}/api/platform/dora/group?entityRef=group%3Adefault%2Fpayments`,
    );
  });

  it('lets an app built with the plugin resolve a working client', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(jsonResponse({ inputs: { deployments: 31 } }));
    renderInTestApp(<DeploymentCount />, {
      features: [platformPlugin],
      apis: [
        mockApis.discovery({ baseUrl: backend }),
        [fetchApiRef, { fetch }],
      ],
    });

    expect(await screen.findByText('31 deployments')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      `${backend}/api/platform/dora/metrics?entityRef=component%3Adefault%2Fpayments-api`,
    );
  });
});
