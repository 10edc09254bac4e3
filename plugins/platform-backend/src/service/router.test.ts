import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PlatformEventSource } from '@goldenpath/plugin-platform-node';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { Visibility, scopedCatalog } from '../__testUtils__/scopedCatalog';
import { DatabaseDoraStore } from '../dora/DatabaseDoraStore';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { DoraService } from '../dora/DoraService';
import { registerDoraRoutes } from '../dora/routes';
import { createDoraProjection } from '../dora/doraProjection';
import { createTestRunner } from '../__testUtils__/projections';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  MAX,
  MAX_ENTITY_REF,
  fill,
  maxFieldsEntity,
  maxLengthDoraEvents,
  maxLengthEvents,
} from '../__testUtils__/maxLengthEvents';
import { EventIntake } from '../ingest/EventIntake';
import { EntityIndex } from '../linker/EntityIndex';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = createTestDatabases();
let currentDatabaseId: TestDatabaseId | undefined;

/**
 * A describe block that runs once per database (PostgreSQL and SQLite); the
 * `setup()` calls inside it use that database. Wrap every describe in it.
 */
function describeEachDatabase(name: string, fn: () => void) {
  describe.each(databases.eachSupportedId())(`${name} (%s)`, id => {
    beforeAll(() => {
      currentDatabaseId = id;
    });
    afterAll(() => {
      currentDatabaseId = undefined;
    });
    fn();
  });
}
const WEBHOOK_SECRET = 'shh';

/** A signed webhook source, the way a GitHub-like module would write one. */
const signedSource: PlatformEventSource = {
  id: 'signed',
  async verifyWebhook({ headers, rawBody }) {
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', WEBHOOK_SECRET)
        .update(rawBody)
        .digest('hex')}`,
    );
    const given = Buffer.from(headers['x-signature'] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AuthenticationError('signature mismatch');
    }
  },
  async toEvents({ payload }) {
    const p = payload as { deploy: string };
    return [deploymentEvent({ id: p.deploy, source: 'signed' })];
  },
};

function sign(body: string) {
  return `sha256=${createHmac('sha256', WEBHOOK_SECRET)
    .update(body)
    .digest('hex')}`;
}

async function setup(
  options: {
    maxBatchSize?: number;
    maxBodySize?: string;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** The catalog, default `catalogEntities`. */
    entities?: any[];
    /** Decisions by permission name; others get `permission` (default ALLOW). */
    decisions?: Record<string, PolicyDecision>;
    /** What each caller may see in the catalog (default: everything). */
    visible?: Visibility;
    sources?: PlatformEventSource[];
    httpAuth?: HttpAuthService;
  } = {},
) {
  if (!currentDatabaseId) {
    throw new Error('call setup() inside describeEachDatabase(...)');
  }
  const knex = await databases.init(currentDatabaseId);
  const entities = options.entities ?? catalogEntities;
  const store = await DatabaseEventStore.create({
    database: mockServices.database({ knex }),
  });
  const index = EntityIndex.fromEntities(entities);
  const intake = new EventIntake({
    store,
    linker: {
      link: async ts => ts.map(t => index.resolve(t.subject, t.entityRef)),
    },
    maxBatchSize: options.maxBatchSize ?? 100,
    maxFutureSkewMs: 60 * 60 * 1000,
    now: () => new Date('2026-11-10T00:00:00Z'),
  });
  const catalog = scopedCatalog(entities, options.visible ?? (() => true));
  const doraStore = await DatabaseDoraStore.create({
    database: mockServices.database({ knex }),
  });
  // Not triggered by the intake here: the DORA routes read what a test projects.
  const runner = await createTestRunner({
    database: mockServices.database({ knex }),
    events: store,
    projections: [createDoraProjection(doraStore)],
  });
  const dora = new DoraService({
    store: doraStore,
    catalog,
    defaults: {
      environment: 'production',
      leadTimeStart: 'commit',
      excludeWeekends: false,
      tierModel: '2024',
      windowDays: 90,
      shipmentLookbackDays: 90,
    },
    now: () => new Date('2026-11-10T00:00:00Z'),
  });
  const decide = (name: string): PolicyDecision =>
    options.decisions?.[name] ?? {
      result: options.permission ?? AuthorizeResult.ALLOW,
    };
  const router = await createRouter({
    intake,
    store,
    catalog,
    features: [
      {
        id: 'dora',
        projections: [],
        registerRoutes: (r, context) => registerDoraRoutes(r, context, dora),
      },
    ],
    linkerStatus: () => ({ entitiesIndexed: index.size, indexBuiltAt: null }),
    projectionHealth: () => runner.health(),
    sources: options.sources ?? [signedSource],
    httpAuth:
      options.httpAuth ??
      mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
    permissions: mockServices.permissions.mock({
      authorize: async reqs =>
        reqs.map(({ permission }) => ({
          result: decide(permission.name).result as AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async reqs =>
        reqs.map(({ permission }) => decide(permission.name) as any),
    }),
    maxBodySize: options.maxBodySize ?? '1mb',
  });
  const app = express().use(router).use(mockErrorHandler());
  const user = mockCredentials.user.header();
  const post = (body: unknown) =>
    request(app)
      .post('/events')
      .set('Authorization', user)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const stored = async () =>
    (await request(app).get('/events?limit=1000').set('Authorization', user))
      .body.items;
  return { app, store, post, stored, user, runner, catalog };
}

describeEachDatabase('POST /events', () => {
  it('stores a valid batch, linked to its entity, durable before the response', async () => {
    const { post, stored } = await setup();
    const res = await post({ events: [deploymentEvent()] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
    expect(res.body.results).toEqual([
      { index: 0, source: 'test-deployer', id: 'deploy-1', status: 'accepted' },
    ]);
    expect(await stored()).toEqual([
      expect.objectContaining({
        id: 'deploy-1',
        entityRef: 'component:default/payments-api',
        linkStatus: 'linked',
      }),
    ]);
  });

  it('is idempotent on (source, id): a resend is reported as duplicate and stored once', async () => {
    const { post, stored } = await setup();
    await post({ events: [deploymentEvent()] });
    const again = await post({
      events: [deploymentEvent(), deploymentEvent({ id: 'deploy-2' })],
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(again.body.results.map((r: any) => r.status)).toEqual([
      'duplicate',
      'accepted',
    ]);
    expect(await stored()).toHaveLength(2);
  });

  it('counts a repeat inside one batch once', async () => {
    const { post, stored } = await setup();
    const res = await post({ events: [deploymentEvent(), deploymentEvent()] });
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await stored()).toHaveLength(1);
  });

  it('keeps a resend with the first content (the first accepted version wins)', async () => {
    const { post, stored } = await setup();
    await post({ events: [deploymentEvent()] });
    await post({ events: [deploymentEvent({ data: { status: 'failure' } })] });
    const [event] = await stored();
    expect(event.data.status).toBe('success');
  });

  it('answers 409 when every event conflicts with a stored one, 207 when some do', async () => {
    const { post, stored } = await setup();
    await post({ events: [deploymentEvent()] });
    const changed = deploymentEvent({ data: { status: 'failure' } });

    const all = await post({ events: [changed] });
    expect(all.status).toBe(409);
    expect(all.body).toMatchObject({
      accepted: 0,
      duplicates: 0,
      conflicts: 1,
      rejected: 0,
      results: [{ index: 0, id: 'deploy-1', status: 'conflict' }],
    });
    expect(all.body.error.message).toMatch(
      /^all 1 events conflict with stored events; event 0: .*data\.status differs/,
    );

    const some = await post({
      events: [changed, deploymentEvent({ id: 'deploy-2' })],
    });
    expect(some.status).toBe(207);
    expect(some.body).toMatchObject({ accepted: 1, conflicts: 1 });

    const identical = await post({ events: [deploymentEvent()] });
    expect(identical.status).toBe(200);
    expect(identical.body).toMatchObject({ duplicates: 1, conflicts: 0 });
    expect((await stored()).map((e: any) => e.data.status)).toEqual([
      'success',
      'success',
    ]);
  });

  it('reports per-event errors for a partial batch and stores the valid ones', async () => {
    const { post, stored } = await setup();
    const { data: _omitted, ...noData } = deploymentEvent({
      id: 'no-data',
    }) as any;
    const res = await post({
      events: [
        deploymentEvent({ id: 'good' }),
        { ...deploymentEvent({ id: 'bad-type' }), type: 'deployment.started' },
        noData,
        deploymentEvent({ id: 'wrong-type', data: { changeShas: 'abc' } }),
        deploymentEvent({ id: 'bad-time', occurredAt: '2026-02-30T10:00:00Z' }),
        deploymentEvent({ id: 'no-zone', occurredAt: '2026-11-02 10:00' }),
        deploymentEvent({ id: 'future', occurredAt: '2026-11-12T00:00:00Z' }),
        deploymentEvent({ id: 'bad-status', data: { status: 'ok' } }),
        42,
      ],
    });
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 8 });
    const errors = res.body.results.map((r: any) => r.error);
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toMatch(/^type: unknown event type "deployment.started"/);
    expect(errors[2]).toMatch(/^data: /);
    expect(errors[3]).toMatch(/^data\.changeShas: /);
    expect(errors[4]).toMatch(/^occurredAt: must be an ISO-8601 timestamp/);
    expect(errors[5]).toMatch(/^occurredAt: must be an ISO-8601 timestamp/);
    expect(errors[6]).toMatch(/^occurredAt: .* is in the future/);
    expect(errors[7]).toMatch(/^data\.status: /);
    expect(errors[8]).toBe('event: must be a JSON object');
    expect(res.body.results[1]).toMatchObject({
      id: 'bad-type',
      source: 'test-deployer',
    });
    expect((await stored()).map((e: any) => e.id)).toEqual(['good']);
  });

  it('answers 400 naming the problem when every event is rejected', async () => {
    const { post, stored } = await setup();
    const res = await post({ events: [{ type: 'nope' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /all 1 events were rejected; event 0: type: unknown event type "nope"/,
    );
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"events": [', /^request body is not valid JSON: /],
    ['a bare array', '[]', /must be a JSON object of the form/],
    ['a string', '"hello"', /must be a JSON object|JSON/],
    ['no events field', '{"items": []}', /events: required, an array/],
    ['events not an array', '{"events": {}}', /events: required, an array/],
    ['an empty batch', '{"events": []}', /must contain at least one event/],
  ])(
    'answers 400 for %s and keeps what was accepted',
    async (_, body, message) => {
      const { post, stored } = await setup();
      await post({ events: [deploymentEvent()] });
      const before = await stored();
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await stored()).toEqual(before);
    },
  );

  it('answers 413 for a batch over the limit and stores none of it', async () => {
    const { post, stored } = await setup({ maxBatchSize: 3 });
    const events = [1, 2, 3, 4].map(i => deploymentEvent({ id: `d${i}` }));
    const res = await post({ events });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(
      /batch has 4 events; the limit is 3 \(platform.intake.maxBatchSize\)/,
    );
    expect(await stored()).toEqual([]);
  });

  it('answers 413 for a body over the size limit', async () => {
    const { post, stored } = await setup({ maxBodySize: '2kb' });
    const events = Array.from({ length: 20 }, (_, i) =>
      deploymentEvent({ id: `big${i}` }),
    );
    const res = await post({ events });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(
      /^request body is \d+ bytes; the limit is 2048 bytes \(platform.intake.maxBodySize\)$/,
    );
    expect(await stored()).toEqual([]);
  });

  it('keeps an event whose subject matches no entity, with the reason', async () => {
    const { post, app, user } = await setup();
    await post({
      events: [
        deploymentEvent({
          subject: { kind: 'repository', name: 'acme/unknown' },
        }),
      ],
    });
    const res = await request(app)
      .get('/events?unlinked=true')
      .set('Authorization', user);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        linkStatus: 'unlinked',
        linkReason:
          'no catalog entity has github.com/project-slug=acme/unknown',
      }),
    ]);
  });

  it('requires a credential', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post('/events')
      .send({ events: [deploymentEvent()] });
    expect(res.status).toBe(401);
  });

  it('accepts a service credential (static tokens and other backends)', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.service.header())
      .send({ events: [deploymentEvent()] });
    expect(res.status).toBe(200);
  });

  it('answers 403 when the permission policy denies platform.event.create', async () => {
    const { post } = await setup({ permission: AuthorizeResult.DENY });
    const res = await post({ events: [deploymentEvent()] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/platform.event.create/);
  });
});

describeEachDatabase('GET /events', () => {
  it('filters by entity, type and time and pages with a cursor', async () => {
    const { post, app, user } = await setup();
    await post({
      events: [
        deploymentEvent({ id: 'a', occurredAt: '2026-11-01T00:00:00Z' }),
        deploymentEvent({ id: 'b', occurredAt: '2026-11-02T00:00:00Z' }),
        deploymentEvent({ id: 'c', occurredAt: '2026-11-03T00:00:00Z' }),
        deploymentEvent({
          id: 'other',
          subject: { kind: 'kubernetes-id', name: 'ledger-service' },
        }),
      ],
    });
    const get = (qs: string) =>
      request(app).get(`/events?${qs}`).set('Authorization', user);
    const page1 = await get(
      'entityRef=payments-api&type=deployment.finished&from=2026-11-01T12:00:00Z&limit=1',
    );
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((e: any) => e.id)).toEqual(['c']);
    const page2 = await get(
      `entityRef=payments-api&from=2026-11-01T12:00:00Z&limit=1&before=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((e: any) => e.id)).toEqual(['b']);
    const ledger = await get('entityRef=component:default/ledger-service');
    expect(ledger.body.items.map((e: any) => e.id)).toEqual(['other']);
    expect(ledger.body.nextCursor).toBeUndefined();
  });

  it.each([
    ['limit=0', /^limit: /],
    ['limit=5000', /^limit: /],
    ['type=deployment.started', /^type/],
    ['from=yesterday', /^from: must be an ISO-8601/],
    ['entityRef=component:', /^entityRef: /],
    ['unlinked=yes', /^unlinked: /],
    ['before=-3', /^before: /],
    ['colour=blue', /colour/],
  ])('answers 400 for %s', async (qs, message) => {
    const { app, user } = await setup();
    const res = await request(app)
      .get(`/events?${qs}`)
      .set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 403 when platform.event.read is denied', async () => {
    const { app, user } = await setup({ permission: AuthorizeResult.DENY });
    const res = await request(app).get('/events').set('Authorization', user);
    expect(res.status).toBe(403);
  });
});

describeEachDatabase('GET /health', () => {
  it('reports the log and the linker', async () => {
    const { app, user, post } = await setup();
    await post({ events: [deploymentEvent()] });
    const res = await request(app).get('/health').set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'ok',
      events: {
        total: 1,
        unlinked: 0,
        lastReceivedAt: '2026-11-10T00:00:00.000Z',
      },
      linker: { entitiesIndexed: 3, indexBuiltAt: null },
      projections: { dora: { cursor: 0, lag: 1, deadLetters: 0 } },
    });
  });
});

describeEachDatabase('POST /webhooks/:sourceId', () => {
  const body = JSON.stringify({ deploy: 'hook-1' });

  it('stores the mapped events of a correctly signed payload, with the raw payload', async () => {
    const { app, stored } = await setup();
    const res = await request(app)
      .post('/webhooks/signed')
      .set('Content-Type', 'application/json')
      .set('X-Signature', sign(body))
      .send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1 });
    expect((await stored()).map((e: any) => e.id)).toEqual(['hook-1']);
  });

  it.each([
    ['unsigned', undefined],
    ['wrongly signed', sign('{"deploy":"other"}')],
  ])('answers 401 when %s and stores nothing', async (_, signature) => {
    const { app, stored } = await setup();
    const req = request(app)
      .post('/webhooks/signed')
      .set('Content-Type', 'application/json');
    if (signature) req.set('X-Signature', signature);
    const res = await req.send(body);
    expect(res.status).toBe(401);
    expect(await stored()).toEqual([]);
  });

  it('answers 404 for an unknown source', async () => {
    const { app } = await setup();
    const res = await request(app).post('/webhooks/nope').send(body);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no webhook source "nope"/);
  });

  it('answers 400 for a signed body that is not JSON', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post('/webhooks/signed')
      .set('Content-Type', 'application/json')
      .set('X-Signature', sign('not json'))
      .send('not json');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });
});

describeEachDatabase('GET /dora/*', () => {
  it('serves metrics and drill-downs for a linked component', async () => {
    const { app, user, post } = await setup();
    await post({ events: [deploymentEvent()] });
    const metrics = await request(app)
      .get('/dora/metrics?entityRef=payments-api&from=2026-11-01T00:00:00Z')
      .set('Authorization', user);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      options: { environment: 'production', tierModel: '2024' },
    });
    for (const path of ['deployments', 'changes', 'incidents']) {
      const res = await request(app)
        .get(`/dora/${path}?entityRef=payments-api`)
        .set('Authorization', user);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
  });

  it.each([
    ['', /^entityRef: /],
    ['entityRef=component:', /^entityRef: /],
    ['entityRef=payments-api&from=last-week', /^from: must be an ISO-8601/],
    ['entityRef=payments-api&tierModel=2019', /^tierModel: /],
    ['entityRef=payments-api&leadTimeStart=deploy', /^leadTimeStart: /],
    ['entityRef=payments-api&excludeWeekends=yes', /^excludeWeekends: /],
    [
      'entityRef=payments-api&from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z',
      /must be before/,
    ],
    [
      'entityRef=payments-api&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      /at most 366 days/,
    ],
    ['entityRef=payments-api&colour=red', /colour/],
  ])('answers 400 for ?%s', async (qs, message) => {
    const { app, user } = await setup();
    const res = await request(app)
      .get(`/dora/metrics?${qs}`)
      .set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { app, user } = await setup();
    const res = await request(app)
      .get('/dora/metrics?entityRef=component:default/ghost')
      .set('Authorization', user);
    expect(res.status).toBe(404);
  });

  it('answers 400 for the group view of a component, 401 without a credential', async () => {
    const { app, user } = await setup();
    const group = await request(app)
      .get('/dora/group?entityRef=payments-api')
      .set('Authorization', user);
    expect(group.status).toBe(400);
    expect(
      (await request(app).get('/dora/metrics?entityRef=payments-api')).status,
    ).toBe(401);
  });
});

describeEachDatabase('GET /activity', () => {
  it('tells how much is linked to an entity, ever, and when the latest was', async () => {
    const { app, user, post } = await setup();
    await post({
      events: [
        deploymentEvent(),
        deploymentEvent({ id: 'deploy-2', occurredAt: '2026-11-05T08:00:00Z' }),
      ],
    });
    const get = (qs: string) =>
      request(app).get(`/activity?${qs}`).set('Authorization', user);

    const linked = await get('entityRef=payments-api');
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({
      entityRef: 'component:default/payments-api',
      entityRefs: ['component:default/payments-api'],
      linkedEvents: 2,
      firstOccurredAt: '2026-11-02T10:05:00.000Z',
      lastOccurredAt: '2026-11-05T08:00:00.000Z',
    });
    expect((await get('entityRef=ledger-service')).body).toMatchObject({
      linkedEvents: 0,
      firstOccurredAt: null,
      lastOccurredAt: null,
    });
    expect(
      (await get('entityRef=payments-api&type=change.merged')).body,
    ).toMatchObject({ linkedEvents: 0 });
    expect((await get('entityRef=component:default/ghost')).status).toBe(404);
    const bad = await get('entityRef=payments-api&type=pod.usages');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/type/);
    expect((await get('')).status).toBe(400);
  });
});

describeEachDatabase('GET /dora/environments', () => {
  it('lists the environments in the projected deployments, from the data', async () => {
    const { app, user, post, runner } = await setup();
    await post({
      events: [
        deploymentEvent(),
        deploymentEvent({
          id: 'deploy-2',
          data: { deploymentId: 'deploy-2', environment: 'Staging' },
        }),
      ],
    });
    await runner.catchUp();
    const res = await request(app)
      .get('/dora/environments?entityRef=payments-api')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ environments: ['production', 'staging'] });
    const other = await request(app)
      .get('/dora/environments?entityRef=ledger-service')
      .set('Authorization', user);
    expect(other.body).toEqual({ environments: [] });
    const unauthenticated = await request(app).get(
      '/dora/environments?entityRef=payments-api',
    );
    expect(unauthenticated.status).toBe(401);
  });
});

describeEachDatabase('every bounded field at its maximum', () => {
  it('is accepted, stored intact, recognised when resent, projected and served', async () => {
    const { post, stored, app, user, runner } = await setup({
      maxBodySize: '16mb',
      entities: [...catalogEntities, maxFieldsEntity],
    });
    const events = maxLengthEvents();
    const res = await post({ events });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: events.length, rejected: 0 });
    const rows = await stored();
    expect(rows).toHaveLength(events.length);
    for (const event of events) {
      expect(rows.find((e: any) => e.type === event.type)).toMatchObject({
        id: event.id,
        source: MAX.source,
        subject: event.subject,
        data: event.data,
      });
    }

    const again = await post({ events });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      accepted: 0,
      duplicates: events.length,
    });
    expect(await stored()).toHaveLength(events.length);

    await runner.catchUp();
    const query = new URLSearchParams({
      entityRef: MAX_ENTITY_REF,
      environment: MAX.environment,
      from: '2026-11-01T00:00:00Z',
    });
    const get = (path: string) =>
      request(app).get(`/dora/${path}?${query}`).set('Authorization', user);
    const deployments = await get('deployments');
    expect(deployments.status).toBe(200);
    expect(deployments.body.items).toEqual([
      expect.objectContaining({
        deploymentId: MAX.deploymentId,
        environment: MAX.environment,
        url: MAX.url,
        incidentIds: [MAX.incidentId],
      }),
    ]);
    expect((await get('changes')).body.items).toEqual([
      expect.objectContaining({
        repository: MAX.repository,
        prNumber: MAX.prNumber,
        labels: MAX.labels,
      }),
    ]);
    expect((await get('incidents')).body.items).toEqual([
      expect.objectContaining({
        incidentId: MAX.incidentId,
        severity: MAX.severity,
        causedByDeploymentId: MAX.deploymentId,
      }),
    ]);
    const metrics = await get('metrics');
    expect(metrics.body.changeFailureRate).toMatchObject({
      failed: 1,
      deployments: 1,
    });
  });

  it('rejects each field one over its bound, naming it, and stores none of them', async () => {
    const { post, stored } = await setup({ maxBodySize: '16mb' });
    const [change, deployment, opened]: any[] = maxLengthDoraEvents();
    const over: Array<[string, any]> = [];
    const variant = (
      path: string,
      base: any,
      mutate: (e: any) => void,
    ): void => {
      const e = structuredClone(base);
      e.id = fill(`over-${over.length}-`, 200);
      // one commit or sha each, so the batch stays small: the full lists
      // are over their bound only where that is the point
      if (e.data.commits) e.data.commits = e.data.commits.slice(0, 1);
      if (e.data.changeShas) e.data.changeShas = e.data.changeShas.slice(0, 1);
      if (path === 'data.commits') {
        e.data.commits = structuredClone(change.data.commits);
      }
      if (path === 'data.changeShas') {
        e.data.changeShas = structuredClone(deployment.data.changeShas);
      }
      mutate(e);
      over.push([path, e]);
    };
    variant('source', deployment, e => (e.source += '€'));
    variant('id', deployment, e => (e.id += '€'));
    variant('subject.name', deployment, e => (e.subject.name += '€'));
    variant('subject.cluster', deployment, e => (e.subject.cluster += '€'));
    variant('entityRef', deployment, e => (e.entityRef = `${MAX.entityRef}€`));
    variant('data.repository', change, e => (e.data.repository += '€'));
    variant('data.prNumber', change, e => (e.data.prNumber += 1));
    variant('data.additions', change, e => (e.data.additions += 1));
    variant('data.mergeSha', change, e => (e.data.mergeSha += '€'));
    variant('data.commits', change, e =>
      e.data.commits.push(e.data.commits[0]),
    );
    variant('data.labels', change, e => e.data.labels.push('one more'));
    variant('data.labels.0', change, e => (e.data.labels[0] += '€'));
    variant('data.url', change, e => (e.data.url += 'a'));
    variant('data.deploymentId', deployment, e => (e.data.deploymentId += '€'));
    variant('data.environment', deployment, e => (e.data.environment += '€'));
    variant('data.changeShas', deployment, e =>
      e.data.changeShas.push(e.data.sha),
    );
    variant('data.incidentId', opened, e => (e.data.incidentId += '€'));
    variant('data.severity', opened, e => (e.data.severity += '€'));
    variant(
      'data.causedByDeploymentId',
      opened,
      e => (e.data.causedByDeploymentId += '€'),
    );
    variant('data.rootCauseSha', opened, e => (e.data.rootCauseSha += '€'));

    const res = await post({
      events: [deploymentEvent(), ...over.map(([, e]) => e)],
    });
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({ accepted: 1, rejected: over.length });
    over.forEach(([path], i) => {
      const result = res.body.results[i + 1];
      expect(result.status).toBe('rejected');
      expect(result.error.startsWith(`${path}: `)).toBe(true);
    });
    expect((await stored()).map((e: any) => e.id)).toEqual(['deploy-1']);
  });
});

// --- Hardening (issue 7): credentials, webhooks, content types, queries, scope

/** What Backstage's auth service throws for a plugin-typed token whose payload cannot be decoded. */
const MALFORMED_TOKEN =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6InZuZC5iYWNrc3RhZ2UucGx1Z2luIn0.!!!.x';

/** The mock httpAuth, except that a `Bearer eyJ...` token fails as jose fails on it. */
function joseFailingHttpAuth(): HttpAuthService {
  const mock = mockServices.httpAuth({
    defaultCredentials: mockCredentials.none(),
  });
  return {
    async credentials(req: any, options?: any) {
      if (/^Bearer eyJ/.test(req.headers.authorization ?? '')) {
        throw Object.assign(
          new Error('Failed to parse the decoded payload as JSON'),
          { name: 'JWTInvalid', code: 'ERR_JWT_INVALID' },
        );
      }
      return mock.credentials(req, options);
    },
    issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
  } as HttpAuthService;
}

describeEachDatabase('a malformed credential', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/health'],
    ['GET', '/events'],
    ['POST', '/events'],
    ['GET', '/activity?entityRef=payments-api'],
    ['GET', '/dora/metrics?entityRef=payments-api'],
    ['GET', '/dora/environments?entityRef=payments-api'],
    ['GET', '/openapi.json'],
    ['GET', '/no-such-route'],
  ];

  it.each(routes)(
    '%s %s answers 401 with a short message and no stack, also in development',
    async (method, path) => {
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'development'; // the error handler shows stacks
      let app: express.Express;
      try {
        ({ app } = await setup({ httpAuth: joseFailingHttpAuth() }));
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
      const req =
        method === 'GET' ? request(app).get(path) : request(app).post(path);
      const res = await req
        .set('Authorization', `Bearer ${MALFORMED_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(method === 'POST' ? { events: [deploymentEvent()] } : undefined);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({
        name: 'AuthenticationError',
        message: 'invalid credentials: the token cannot be read',
      });
    },
  );

  it('leaves the webhooks to their signature', async () => {
    const { app, stored } = await setup({ httpAuth: joseFailingHttpAuth() });
    const body = JSON.stringify({ deploy: 'hook-1' });
    const res = await request(app)
      .post('/webhooks/signed')
      .set('Authorization', `Bearer ${MALFORMED_TOKEN}`)
      .set('Content-Type', 'application/json')
      .set('X-Signature', sign(body))
      .send(body);
    expect(res.status).toBe(200);
    expect((await stored()).map((e: any) => e.id)).toEqual(['hook-1']);
  });

  it('is checked before the query is validated or the body read', async () => {
    const { app } = await setup();
    const bad = await request(app).get('/dora/metrics?colour=red');
    expect(bad.status).toBe(401);
    const post = await request(app)
      .post('/events')
      .set('Content-Type', 'text/plain')
      .send('not even json');
    expect(post.status).toBe(401);
  });
});

/**
 * Sends a POST whose body never ends (a first chunk, then nothing) and
 * resolves with the answer; `observed` tells whether the server read any of it.
 */
async function postUnendingBody(
  router: express.Express,
  path: string,
  headers: Record<string, string>,
) {
  const observed = { didRead: undefined as boolean | undefined };
  const app = express()
    .use((req, res, next) => {
      res.on('finish', () => {
        observed.didRead = req.readableDidRead;
      });
      next();
    })
    .use(router);
  const server = app.listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<{
      status: number;
      connection?: string;
      body: any;
      observed: typeof observed;
    }>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error('no answer within 5 s: the server waits for the body'),
          ),
        5000,
      );
      const req = http.request({ port, path, method: 'POST', headers }, res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode!,
            connection: res.headers.connection,
            body: JSON.parse(text),
            observed,
          });
          req.destroy();
        });
      });
      req.on('error', () => {}); // the server closes while we still "send"
      // A first chunk, short of any declared length: the rest never comes.
      const declared = Number(headers['Content-Length'] ?? Infinity);
      req.write(Buffer.alloc(Math.min(64 * 1024, declared - 1), 'x'));
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describeEachDatabase(
  'POST /webhooks/:sourceId reads nothing it does not have to',
  () => {
    const smallSource: PlatformEventSource = {
      ...signedSource,
      id: 'small',
      maxBodySize: '1kb',
    };

    it('answers 404 for an unknown source without reading a 24 MiB body', async () => {
      const { app } = await setup();
      const res = await postUnendingBody(
        express().use(app),
        '/webhooks/does-not-exist',
        {
          'Content-Type': 'application/json',
          'Content-Length': String(24 * 1024 * 1024),
        },
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(
        /no webhook source "does-not-exist"/,
      );
      expect(res.observed.didRead).toBe(false);
      expect(res.connection).toBe('close');
    });

    it('answers 413 before reading when Content-Length is over the source limit', async () => {
      const { app } = await setup({ sources: [signedSource, smallSource] });
      const res = await postUnendingBody(
        express().use(app),
        '/webhooks/small',
        {
          'Content-Type': 'application/json',
          'Content-Length': '2048',
        },
      );
      expect(res.status).toBe(413);
      expect(res.body.error.message).toBe(
        'request body is 2048 bytes; the limit is 1024 bytes (maxBodySize of event source "small")',
      );
      expect(res.observed.didRead).toBe(false);
    });

    it('stops reading a chunked body at the source limit, before the signature check', async () => {
      const { app, stored } = await setup({
        sources: [signedSource, smallSource],
      });
      const res = await postUnendingBody(
        express().use(app),
        '/webhooks/small',
        {
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        },
      );
      expect(res.status).toBe(413);
      expect(res.body.error.message).toMatch(
        /^request body is more than 1024 bytes; the limit is 1024 bytes/,
      );
      expect(await stored()).toEqual([]);
    });

    it('applies the source limit, not the intake limit, and checks the signature within it', async () => {
      const { app, stored } = await setup({
        sources: [signedSource, smallSource],
      });
      const big = JSON.stringify({ deploy: 'x'.repeat(2000) });
      const over = await request(app)
        .post('/webhooks/small')
        .set('Content-Type', 'application/json')
        .set('X-Signature', sign(big))
        .send(big);
      expect(over.status).toBe(413);
      // The same body is within the intake limit (1mb) for the default source.
      const body = JSON.stringify({ deploy: 'small-1' });
      const unsigned = await request(app)
        .post('/webhooks/small')
        .set('Content-Type', 'application/json')
        .send(body);
      expect(unsigned.status).toBe(401);
      const signed = await request(app)
        .post('/webhooks/small')
        .set('Content-Type', 'application/json')
        .set('X-Signature', sign(body))
        .send(body);
      expect(signed.status).toBe(200);
      expect((await stored()).map((e: any) => e.id)).toEqual(['small-1']);
    });

    it('refuses a source whose maxBodySize is not a size, at startup', async () => {
      await expect(
        setup({ sources: [{ ...signedSource, maxBodySize: 'lots' }] }),
      ).rejects.toThrow(
        'maxBodySize of event source "signed": "lots" is not a size',
      );
    });
  },
);

describeEachDatabase('content types', () => {
  const body = JSON.stringify({ events: [deploymentEvent()] });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset="UTF-8"',
  ])('POST /events with %s answers 200', async type => {
    const { app, user } = await setup();
    const res = await request(app)
      .post('/events')
      .set('Authorization', user)
      .set('Content-Type', type)
      .send(body);
    expect(res.status).toBe(200);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/vnd.api+json',
    'application/json; charset=iso-8859-1',
  ])('POST /events with %s answers 415 and stores nothing', async type => {
    const { app, user, stored } = await setup();
    const res = await request(app)
      .post('/events')
      .set('Authorization', user)
      .set('Content-Type', type)
      .send(body);
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/^Content-Type: /);
    expect(await stored()).toEqual([]);
  });

  it('POST /events without a Content-Type answers 415; 401 and 403 come first', async () => {
    const { app, user } = await setup();
    const none = await request(app).post('/events').set('Authorization', user);
    expect(none.status).toBe(415);
    expect(none.body.error.message).toBe(
      'Content-Type: required, must be application/json',
    );
    const anonymous = await request(app)
      .post('/events')
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(anonymous.status).toBe(401);
    const denied = await setup({ permission: AuthorizeResult.DENY });
    const forbidden = await request(denied.app)
      .post('/events')
      .set('Authorization', user)
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(forbidden.status).toBe(403);
  });

  it('POST /events refuses a compressed body with 415', async () => {
    const { app, user } = await setup();
    const res = await request(app)
      .post('/events')
      .set('Authorization', user)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(body);
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/^Content-Encoding: /);
  });

  it('a webhook needs one of its source content types, before the signature check', async () => {
    const csvSource: PlatformEventSource = {
      ...signedSource,
      id: 'csv',
      contentTypes: ['text/csv'],
      async toEvents() {
        return [deploymentEvent({ id: 'from-csv', source: 'csv' })];
      },
    };
    const { app, stored } = await setup({ sources: [signedSource, csvSource] });
    const json = JSON.stringify({ deploy: 'hook-1' });
    const plain = await request(app)
      .post('/webhooks/signed')
      .set('Content-Type', 'text/plain')
      .set('X-Signature', sign(json))
      .send(json);
    expect(plain.status).toBe(415);
    expect(plain.body.error.message).toBe(
      'Content-Type: "text/plain" is not accepted here; must be application/json',
    );
    const unsignedPlain = await request(app)
      .post('/webhooks/signed')
      .set('Content-Type', 'text/plain')
      .send(json);
    expect(unsignedPlain.status).toBe(415);
    const csvAsJson = await request(app)
      .post('/webhooks/csv')
      .set('Content-Type', 'application/json')
      .set('X-Signature', sign('"a"'))
      .send('"a"');
    expect(csvAsJson.status).toBe(415);
    const csv = await request(app)
      .post('/webhooks/csv')
      .set('Content-Type', 'text/csv')
      .set('X-Signature', sign('"a"'))
      .send('"a"');
    expect(csv.status).toBe(200);
    expect((await stored()).map((e: any) => e.id)).toEqual(['from-csv']);
  });
});

describeEachDatabase('strict query parameters', () => {
  it.each([
    ['/events?limit=0x10', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=1e2', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=%205', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=5%20', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=-1', /^limit: must be a whole number in decimal digits$/],
    ['/events?limit=2.5', /^limit: must be a whole number in decimal digits$/],
    [
      '/events?before=0x10',
      /^before: must be a whole number in decimal digits$/,
    ],
    ['/events?before=0', /^before: /],
    ['/events?limit[]=5', /^limit: must be given once/],
    ['/events?limit=1&limit=2', /^limit: must be given once/],
    ['/events?entityRef[]=payments-api', /^entityRef: must be given once/],
    ['/events?entityRef[x]=payments-api', /^entityRef: must be given once/],
    ['/health?x[]=1', /^x: must be given once/],
    ['/activity?entityRef[]=payments-api', /^entityRef: must be given once/],
    [
      '/activity?entityRef=payments-api&entityRef=ledger-service',
      /^entityRef: must be given once/,
    ],
    [
      '/dora/metrics?entityRef=payments-api&excludeWeekends[]=true',
      /^excludeWeekends: must be given once/,
    ],
    [
      '/dora/metrics?entityRef=payments-api&tierModel=2024&tierModel=2023',
      /^tierModel: must be given once/,
    ],
    ['/dora/environments?entityRef[]=x', /^entityRef: must be given once/],
  ])('GET %s answers 400 naming the parameter', async (path, message) => {
    const { app, user } = await setup();
    const res = await request(app).get(path).set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('still takes plain decimal values', async () => {
    const { app, user, post } = await setup();
    await post({ events: [deploymentEvent()] });
    const res = await request(app)
      .get('/events?limit=007&before=999999999')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
  });
});

describeEachDatabase('GET /events is scoped to what the caller may see', () => {
  const alice = 'user:default/alice';
  const aliceHeader = mockCredentials.user.header(alice);
  const conditional: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims: [alice] },
    },
  };
  /** Alice sees payments-api only; every other caller sees everything. */
  const visible: Visibility = (caller, ref) =>
    caller !== alice || ref === 'component:default/payments-api';

  /** Events of both components, interleaved, and one unlinked. */
  async function seed(post: (body: unknown) => Promise<request.Response>) {
    const events = [];
    for (let i = 0; i < 12; i++) {
      events.push(
        deploymentEvent({ id: `pay-${i}` }),
        deploymentEvent({
          id: `ledger-${i}`,
          subject: { kind: 'repository', name: 'acme/ledger-service' },
        }),
      );
    }
    events.push(
      deploymentEvent({
        id: 'nowhere',
        subject: { kind: 'repository', name: 'acme/unknown' },
      }),
    );
    expect((await post({ events })).status).toBe(200);
  }

  async function readAll(app: express.Express, header: string, qs = '') {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let cursor: number | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const res = await request(app)
        .get(`/events?limit=3${qs}${cursor ? `&before=${cursor}` : ''}`)
        .set('Authorization', header);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((e: any) => e.id));
      pageSizes.push(res.body.items.length);
      cursor = res.body.nextCursor;
      if (cursor === undefined) return { ids, pageSizes };
    }
    throw new Error('paging did not end');
  }

  it('with a conditional catalog decision, returns only events of entities the catalog shows the caller, paging through all of them once', async () => {
    const { app, post, catalog } = await setup({
      visible,
      decisions: {
        'catalog.entity.read': conditional,
        'platform.event.read.unlinked': { result: AuthorizeResult.DENY },
      },
    });
    await seed(post);
    const { ids } = await readAll(app, aliceHeader);
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `pay-${11 - i}`));
    // Visibility was asked of the catalog with Alice's credentials.
    expect(
      catalog.reads.filter(r => r.method === 'getEntitiesByRefs'),
    ).not.toHaveLength(0);
    expect(new Set(catalog.reads.map(r => r.caller))).toEqual(new Set([alice]));
  });

  it('bounds the work per request: a long run of invisible events gives a short page with a cursor', async () => {
    const { app, post } = await setup({
      visible,
      decisions: {
        'catalog.entity.read': conditional,
        'platform.event.read.unlinked': { result: AuthorizeResult.DENY },
      },
    });
    const events = [deploymentEvent({ id: 'pay-old' })];
    for (let i = 0; i < 40; i++) {
      events.push(
        deploymentEvent({
          id: `ledger-${i}`,
          subject: { kind: 'repository', name: 'acme/ledger-service' },
        }),
      );
    }
    await post({ events });
    const first = await request(app)
      .get('/events?limit=3')
      .set('Authorization', aliceHeader);
    // 5 pages of 3 scanned, nothing visible: an empty page that says "read on".
    expect(first.body.items).toEqual([]);
    expect(first.body.nextCursor).toEqual(expect.any(Number));
    const { ids } = await readAll(app, aliceHeader);
    expect(ids).toEqual(['pay-old']);
  });

  it('an entityRef the caller may not see reads as no events', async () => {
    const { app, post } = await setup({
      visible,
      decisions: { 'catalog.entity.read': conditional },
    });
    await seed(post);
    const hidden = await request(app)
      .get('/events?entityRef=ledger-service')
      .set('Authorization', aliceHeader);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({ items: [] });
    const own = await request(app)
      .get('/events?entityRef=payments-api&limit=2')
      .set('Authorization', aliceHeader);
    expect(own.body.items.map((e: any) => e.id)).toEqual(['pay-11', 'pay-10']);
    expect(own.body.nextCursor).toEqual(expect.any(Number));
  });

  it('with catalog.entity.read denied, no linked event is shown', async () => {
    const { app, post, user } = await setup({
      decisions: { 'catalog.entity.read': { result: AuthorizeResult.DENY } },
    });
    await seed(post);
    const res = await request(app)
      .get('/events?entityRef=payments-api')
      .set('Authorization', user);
    expect(res.body).toEqual({ items: [] });
    // Unlinked events are a permission of their own (allowed here).
    const all = await request(app).get('/events').set('Authorization', user);
    expect(all.body.items.map((e: any) => e.id)).toEqual(['nowhere']);
  });

  it('unlinked events need platform.event.read.unlinked', async () => {
    const denied = await setup({
      decisions: {
        'platform.event.read.unlinked': { result: AuthorizeResult.DENY },
      },
    });
    await seed(denied.post);
    const explicit = await request(denied.app)
      .get('/events?unlinked=true')
      .set('Authorization', denied.user);
    expect(explicit.status).toBe(403);
    expect(explicit.body.error.message).toBe(
      'not allowed: platform.event.read.unlinked',
    );
    const listing = await readAll(denied.app, denied.user);
    expect(listing.ids).toHaveLength(24);
    expect(listing.ids).not.toContain('nowhere');

    const allowed = await setup();
    await seed(allowed.post);
    const unlinked = await request(allowed.app)
      .get('/events?unlinked=true')
      .set('Authorization', allowed.user);
    expect(unlinked.body.items.map((e: any) => e.id)).toEqual(['nowhere']);
    expect((await readAll(allowed.app, allowed.user)).ids).toHaveLength(25);
  });

  it('DORA and activity reads of an entity the caller may not see are a 404', async () => {
    const { app } = await setup({ visible });
    for (const path of [
      '/activity?entityRef=ledger-service',
      '/dora/metrics?entityRef=ledger-service',
      '/dora/environments?entityRef=ledger-service',
    ]) {
      const res = await request(app)
        .get(path)
        .set('Authorization', aliceHeader);
      expect(res.status).toBe(404);
    }
    const own = await request(app)
      .get('/activity?entityRef=payments-api')
      .set('Authorization', aliceHeader);
    expect(own.status).toBe(200);
  });
});
