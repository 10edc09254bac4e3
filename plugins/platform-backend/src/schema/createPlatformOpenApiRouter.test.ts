import { mockErrorHandler } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { createPlatformOpenApiRouter } from './createPlatformOpenApiRouter';

/** The validated router with echo handlers, mounted as the backend mounts it. */
async function setup() {
  const router = await createPlatformOpenApiRouter();
  router.get('/dora/metrics', (req, res) => {
    res.json({ query: req.query } as any);
  });
  router.get('/events', (req, res) => {
    res.json({ query: req.query } as any);
  });
  router.post(
    '/events',
    express.json({ limit: '1kb', type: () => true }),
    (req, res) => {
      res.json({ body: req.body } as any);
    },
  );
  router.post(
    '/webhooks/:sourceId',
    express.raw({ type: () => true }),
    (req, res) => {
      res.json({ raw: Buffer.isBuffer(req.body) } as any);
    },
  );
  return express().use('/api/platform', router).use(mockErrorHandler());
}

describe('createPlatformOpenApiRouter', () => {
  it('passes a query the client encodes, decoded and coerced to the spec types', async () => {
    const app = await setup();
    const query = new URLSearchParams({
      entityRef: 'component:team a/svc&x',
      environment: 'prod eu+1',
      from: '2026-08-25T00:00:00.000Z',
      excludeWeekends: 'false',
      tierModel: '2023',
    });

    const res = await request(app).get(`/api/platform/dora/metrics?${query}`);

    expect(res.status).toBe(200);
    expect(res.body.query).toEqual({
      entityRef: 'component:team a/svc&x',
      environment: 'prod eu+1',
      from: '2026-08-25T00:00:00.000Z',
      excludeWeekends: false,
      tierModel: '2023',
    });
  });

  it('accepts entity refs and timestamps typed by hand (reserved characters allowed)', async () => {
    const app = await setup();

    const res = await request(app).get(
      '/api/platform/dora/metrics?entityRef=group:default/payments&to=2026-11-23T00:00:00Z',
    );

    expect(res.status).toBe(200);
    expect(res.body.query).toEqual({
      entityRef: 'group:default/payments',
      to: '2026-11-23T00:00:00Z',
    });
  });

  it.each([
    ['', /^entityRef: is required$/],
    ['entityRef=a&colour=red', /^colour: unknown parameter$/],
    ['entityRef=a&environment=', /^environment: must not be empty$/],
    ['entityRef=a&tierModel=1999', /^tierModel: must be equal to one of/],
    ['entityRef=a&excludeWeekends=yes', /^excludeWeekends: must be boolean$/],
    ['entityRef=a&from=yesterday', /^from: must be an ISO-8601 timestamp/],
  ])('rejects "%s" with a 400 that names the parameter', async (q, message) => {
    const app = await setup();

    const res = await request(app).get(`/api/platform/dora/metrics?${q}`);

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it("leaves the routes' own errors alone", async () => {
    const router = await createPlatformOpenApiRouter();
    router.get('/dora/metrics', () => {
      throw new InputError('request/query/from must match format "date-time"');
    });
    const app = express().use(router).use(mockErrorHandler());

    const res = await request(app).get('/dora/metrics?entityRef=a');

    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'request/query/from must match format "date-time"',
    );
  });

  it('leaves the intake body to its route: its own size limit and a 413', async () => {
    const app = await setup();

    const small = await request(app)
      .post('/api/platform/events')
      .send({ events: [{ anything: true }] });
    const big = await request(app)
      .post('/api/platform/events')
      .send({ events: [{ pad: 'x'.repeat(5000) }] });

    expect(small.status).toBe(200);
    expect(small.body.body).toEqual({ events: [{ anything: true }] });
    expect(big.status).toBe(413);
  });

  it('leaves GET /events to its own query parsing', async () => {
    const app = await setup();

    const res = await request(app).get('/api/platform/events?limit=abc');

    expect(res.status).toBe(200);
    expect(res.body.query).toEqual({ limit: 'abc' });
  });

  it('hands webhooks their raw bytes for the signature check', async () => {
    const app = await setup();

    const res = await request(app)
      .post('/api/platform/webhooks/github')
      .set('Content-Type', 'application/json')
      .send('[1,2]');

    expect(res.status).toBe(200);
    expect(res.body.raw).toBe(true);
  });

  it('serves the spec at /openapi.json', async () => {
    const app = await setup();

    const res = await request(app).get('/api/platform/openapi.json');

    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/api/platform/dora/metrics');
  });
});
