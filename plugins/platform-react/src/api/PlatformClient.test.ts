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

const ingestResult = {
  accepted: 1,
  duplicates: 0,
  conflicts: 0,
  rejected: 0,
  results: [{ index: 0, source: 'ci', id: 'e1', status: 'accepted' }],
};

describe('PlatformClient', () => {
  describe('get', () => {
    it('asks discovery for the platform backend and encodes the entity ref', async () => {
      const { client, discoveryApi, fetchApi } = setup(json({ ok: 1 }));

      await expect(
        client.get('/dora/metrics', {
          entityRef: 'component:default/payments-api',
        }),
      ).resolves.toEqual({ ok: 1 });

      expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('platform');
      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/dora/metrics?entityRef=component%3Adefault%2Fpayments-api`,
      );
    });

    it('sends every parameter that is set, stringified and encoded', async () => {
      const { client, fetchApi } = setup(json({ items: [] }));

      await client.get('/dora/deployments', {
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

    it('leaves out parameters that are not set', async () => {
      const { client, fetchApi } = setup(json({ items: [] }));

      await client.get('/dora/incidents', {
        entityRef: 'component:default/a',
        environment: undefined,
        excludeWeekends: true,
      });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/dora/incidents?entityRef=component%3Adefault%2Fa&excludeWeekends=true`,
      );
    });

    it('writes numbers and booleans of other routes as strings', async () => {
      const { client, fetchApi } = setup(json({ items: [] }));

      await client.get('/events', { unlinked: true, limit: 50, before: 7 });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/events?unlinked=true&limit=50&before=7`,
      );
    });

    it('calls a route without parameters without a query string', async () => {
      const { client, fetchApi } = setup(json({ status: 'ok' }));

      await expect(client.get('/health')).resolves.toEqual({ status: 'ok' });

      expect(fetchApi.fetch).toHaveBeenCalledWith(`${baseUrl}/health`);
    });

    it.each([
      ['/dora/metrics'],
      ['/dora/deployments'],
      ['/dora/changes'],
      ['/dora/incidents'],
      ['/dora/group'],
      ['/dora/environments'],
      ['/activity'],
    ] as const)('calls %s', async path => {
      const { client, fetchApi } = setup(json({}));

      await client.get(path, { entityRef: 'group:default/payments' });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}${path}?entityRef=group%3Adefault%2Fpayments`,
      );
    });
  });

  describe('post', () => {
    it('sends the body as JSON and returns the response', async () => {
      const { client, fetchApi } = setup(json(ingestResult));
      const body = {
        events: [{ id: 'e1', source: 'ci', type: 'deployment.finished' }],
      };

      await expect(client.post('/events', body)).resolves.toEqual(ingestResult);

      expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
      const [url, init] = fetchApi.fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/events`);
      expect(init.method).toBe('POST');
      expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(JSON.parse(init.body)).toEqual(body);
    });

    it('returns a 207 (some events rejected) as a result, not an error', async () => {
      const partial = { ...ingestResult, rejected: 1 };
      const { client } = setup(json(partial, 207, 'Multi-Status'));

      await expect(client.post('/events', { events: [{}] })).resolves.toEqual(
        partial,
      );
    });

    it('fills and encodes path parameters', async () => {
      const { client, fetchApi } = setup(json(ingestResult));

      await client.post(
        '/webhooks/{sourceId}',
        { ref: 'main' },
        {
          sourceId: 'git hub/x',
        },
      );

      expect(fetchApi.fetch.mock.calls[0][0]).toBe(
        `${baseUrl}/webhooks/git%20hub%2Fx`,
      );
    });

    it('refuses to call a path whose parameters are missing', async () => {
      const { client, fetchApi } = setup(json(ingestResult));

      await expect(
        (client.post as Function)('/webhooks/{sourceId}', {}),
      ).rejects.toThrow('missing path parameter "sourceId"');
      expect(fetchApi.fetch).not.toHaveBeenCalled();
    });
  });

  describe('errors', () => {
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
        .get('/dora/metrics', { entityRef: 'component:default/nope' })
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.message).toBe('Request failed with 404 Not Found');
      expect(error.statusCode).toBe(404);
      expect(error.cause.name).toBe('NotFoundError');
      expect(error.cause.message).toBe(
        'No entity named component:default/nope',
      );
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
        client.get('/dora/group', {
          entityRef: 'group:default/x',
          from: 'b',
          to: 'a',
        }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 400,
        cause: expect.objectContaining({ message: 'from must be before to' }),
      });
    });

    it('reports a failed POST the same way', async () => {
      const { client } = setup(
        json(
          {
            error: { name: 'NotAllowedError', message: 'not allowed' },
            response: { statusCode: 403 },
          },
          403,
          'Forbidden',
        ),
      );

      await expect(
        client.post('/events', { events: [{}] }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 403,
        cause: expect.objectContaining({ name: 'NotAllowedError' }),
      });
    });
  });
});
