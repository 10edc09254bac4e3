import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { canaryRuns, EU } from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';
import { createFeatureApp } from '../__testUtils__/featureApp';
import { registerCanaryRoutes } from './routes';

jest.setTimeout(120_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('canary routes (%s)', id => {
  async function setup(options: { allow?: boolean; runner?: boolean } = {}) {
    const ran: string[] = [];
    const h = await createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: catalogEntities,
      permissions: mockServices.permissions.mock({
        authorize: async () => [
          {
            result: options.allow
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          },
        ],
      }),
      runners: options.runner
        ? [
            {
              listChecks: () => [
                {
                  cluster: EU,
                  check: 'ingress/http',
                  capability: 'ingress',
                  intervalSeconds: 60,
                },
              ],
              runNow: async (cluster, check) => {
                ran.push(`${cluster} ${check}`);
              },
            },
          ]
        : [],
    });
    await h.send(canaryRuns('ppfff', { from: '2026-11-09T11:00:00Z' }));
    const app = await createFeatureApp({
      id: 'canary',
      registerRoutes: (r, context) =>
        registerCanaryRoutes(r, context, h.canary),
      events: h.events,
      catalog: h.catalog,
    });
    const auth = mockCredentials.user.header('user:default/bob');
    const get = (path: string) =>
      request(app).get(path).set('Authorization', auth);
    const post = (path: string) =>
      request(app).post(path).set('Authorization', auth);
    return { app, get, post, ran };
  }

  it('serves status, runs, rollouts and incidents', async () => {
    const { get } = await setup();
    const status = await get('/canary/status?entityRef=payments-api&window=1h');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      scope: 'component',
      verdict: { verdict: 'down' },
      window: { key: '1h' },
    });
    const runs = await get(
      `/canary/runs?entityRef=payments-api&cluster=${EU}&check=ingress-http&limit=2`,
    );
    expect(runs.status).toBe(200);
    expect(runs.body.runs).toHaveLength(2);
    expect(runs.body.more).toBe(true);
    const rollouts = await get('/canary/rollouts?entityRef=payments-api');
    expect(rollouts.body).toEqual({
      entityRef: 'component:default/payments-api',
      rollouts: [],
    });
    const incidents = await get(
      '/canary/incidents?entityRef=payments-api&from=2026-11-09T00:00:00Z&to=2026-11-10T00:00:00Z',
    );
    expect(incidents.status).toBe(200);
    expect(incidents.body.periods).toEqual([
      {
        cluster: EU,
        check: 'ingress-http',
        capability: 'ingress',
        from: '2026-11-09T11:02:00.000Z',
      },
    ]);
  });

  it.each([
    ['/canary/status?', /^entityRef: /],
    ['/canary/status?entityRef=payments-api&window=2h', /^window: /],
    ['/canary/status?entityRef=payments-api&colour=red', /colour/],
    ['/canary/runs?entityRef=payments-api&cluster=x', /check/],
    [
      '/canary/runs?entityRef=payments-api&cluster=x&check=y&limit=0',
      /^limit: /,
    ],
    [
      '/canary/runs?entityRef=payments-api&cluster=x&check=y&limit=2001',
      /^limit: /,
    ],
    [
      '/canary/runs?entityRef=payments-api&cluster=x&check=y&from=yesterday',
      /^from: /,
    ],
    [
      '/canary/incidents?entityRef=payments-api&from=2026-11-10T00:00:00Z&to=2026-11-09T00:00:00Z',
      /must be before/,
    ],
    [
      '/canary/rollouts?entityRef=a&entityRef=b',
      /entityRef: must be given once/,
    ],
  ])('answers 400 for %s', async (path, message) => {
    const { get } = await setup();
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 401 without a credential and 404 for an unknown entity or check', async () => {
    const { get, app } = await setup();
    expect(
      (await request(app).get('/canary/status?entityRef=payments-api')).status,
    ).toBe(401);
    expect(
      (await request(app).post(`/canary/clusters/${EU}/checks/x/run`)).status,
    ).toBe(401);
    expect(
      (await get('/canary/status?entityRef=component:default/ghost')).status,
    ).toBe(404);
    expect(
      (
        await get(
          `/canary/runs?entityRef=payments-api&cluster=${EU}&check=ghost`,
        )
      ).status,
    ).toBe(404);
  });

  it('runs a check now with the permission (check names may hold a slash), else 403, 501 or 404', async () => {
    const allowed = await setup({ allow: true, runner: true });
    const ok = await allowed.post(
      `/canary/clusters/${EU}/checks/${encodeURIComponent('ingress/http')}/run`,
    );
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({
      cluster: EU,
      check: 'ingress/http',
      capability: 'ingress',
      status: 'accepted',
    });
    expect(allowed.ran).toEqual([`${EU} ingress/http`]);
    expect(
      (await allowed.post(`/canary/clusters/${EU}/checks/dns/run`)).status,
    ).toBe(404);

    const denied = await setup({ allow: false, runner: true });
    const forbidden = await denied.post(
      `/canary/clusters/${EU}/checks/${encodeURIComponent('ingress/http')}/run`,
    );
    expect(forbidden.status).toBe(403);
    expect(denied.ran).toEqual([]);

    const none = await setup({ allow: true, runner: false });
    const missing = await none.post(`/canary/clusters/${EU}/checks/x/run`);
    expect(missing.status).toBe(501);
    expect(missing.body.error.message).toMatch(/no canary runner is installed/);
  });
});
