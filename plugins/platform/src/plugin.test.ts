import { mockApis } from '@backstage/test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { platformApiFactory, platformPlugin } from './plugin';

const backend = 'http://backstage.example.com:7007';

describe('platform plugin (legacy system)', () => {
  it('is called platform and carries the platform API factory', () => {
    expect(platformPlugin.getId()).toBe('platform');
    expect(Array.from(platformPlugin.getApis())).toEqual([platformApiFactory]);
    expect(platformApiFactory.api).toBe(platformApiRef);
    expect(Object.keys(platformApiFactory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
  });

  it('builds a client that calls the platform backend through fetchApi', async () => {
    const fetch = jest.fn().mockResolvedValue(
      new Response(JSON.stringify({ environments: ['production'] }), {
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const client = platformApiFactory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: backend }),
      fetchApi: { fetch },
    });

    await expect(
      client.get('/dora/metrics', {
        entityRef: 'component:default/payments-api',
      }),
    ).resolves.toEqual({ environments: ['production'] });
    expect(fetch).toHaveBeenCalledWith(
      `${backend}/api/platform/dora/metrics?entityRef=component%3Adefault%2Fpayments-api`,
    );
  });
});
