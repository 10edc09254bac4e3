import { ResponseError } from '@backstage/errors';
import { PlatformClient } from './PlatformClient';

const baseUrl = 'http://localhost:7007/api/platform';

function setup(response: Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) };
  const fetchApi = { fetch: jest.fn().mockResolvedValue(response) };
  const client = new PlatformClient({ discoveryApi, fetchApi });
  return { client, discoveryApi, fetchApi };
}

function json(body: unknown, status = 200, statusText = 'OK') {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('PlatformClient', () => {
  it('asks discovery for the platform backend and encodes the entity ref', async () => {
    const { client, discoveryApi, fetchApi } = setup(json({ ok: 1 }));

    await expect(
      client.getDoraMetrics({ entityRef: 'component:default/payments-api' }),
    ).resolves.toEqual({ ok: 1 });

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('platform');
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${baseUrl}/dora/metrics?entityRef=component%3Adefault%2Fpayments-api`,
    );
  });

  it('sends every option that is set, stringified and encoded', async () => {
    const { client, fetchApi } = setup(json({ items: [] }));

    await client.getDoraDeployments({
      entityRef: 'component:team a/svc&x',
      from: '2026-08-25T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      environment: 'prod eu+1',
      leadTimeStart: 'merge',
      excludeWeekends: false,
      tierModel: '2023',
    });

    const url = new URL(fetchApi.fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/platform/dora/deployments');
    expect(url.search).toBe(
      '?entityRef=component%3Ateam+a%2Fsvc%26x' +
        '&from=2026-08-25T00%3A00%3A00.000Z&to=2026-11-23T00%3A00%3A00.000Z' +
        '&environment=prod+eu%2B1&leadTimeStart=merge' +
        '&excludeWeekends=false&tierModel=2023',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:team a/svc&x',
      from: '2026-08-25T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      environment: 'prod eu+1',
      leadTimeStart: 'merge',
      excludeWeekends: 'false',
      tierModel: '2023',
    });
  });

  it('leaves out options that are not set', async () => {
    const { client, fetchApi } = setup(json({ items: [] }));

    await client.getDoraIncidents({
      entityRef: 'component:default/a',
      environment: undefined,
      excludeWeekends: true,
    });

    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${baseUrl}/dora/incidents?entityRef=component%3Adefault%2Fa&excludeWeekends=true`,
    );
  });

  it.each([
    ['getDoraMetrics', '/dora/metrics'],
    ['getDoraDeployments', '/dora/deployments'],
    ['getDoraChanges', '/dora/changes'],
    ['getDoraIncidents', '/dora/incidents'],
    ['getDoraGroup', '/dora/group'],
  ] as const)('%s calls %s', async (method, path) => {
    const { client, fetchApi } = setup(json({}));

    await client[method]({ entityRef: 'group:default/payments' });

    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${baseUrl}${path}?entityRef=group%3Adefault%2Fpayments`,
    );
  });

  it('turns a Backstage error body into a ResponseError', async () => {
    const { client } = setup(
      json(
        {
          error: {
            name: 'NotFoundError',
            message: 'No entity named component:default/nope',
          },
          request: { method: 'GET', url: '/dora/metrics' },
          response: { statusCode: 404 },
        },
        404,
        'Not Found',
      ),
    );

    const error = await client
      .getDoraMetrics({ entityRef: 'component:default/nope' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.message).toBe('Request failed with 404 Not Found');
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('No entity named component:default/nope');
  });

  it('reports a 400 for bad parameters with the server message', async () => {
    const { client } = setup(
      json(
        {
          error: { name: 'InputError', message: 'from must be before to' },
          response: { statusCode: 400 },
        },
        400,
        'Bad Request',
      ),
    );

    await expect(
      client.getDoraGroup({ entityRef: 'group:default/x', from: 'b', to: 'a' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: expect.objectContaining({ message: 'from must be before to' }),
    });
  });
});
