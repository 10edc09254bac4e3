import { TestDatabaseId, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/databases';
import { createCostHarness } from '../__testUtils__/costHarness';
import { CLUSTER, costHistory } from '../__testUtils__/costEvents';
import { catalogEntities } from '../__testUtils__/events';
import { createFeatureApp } from '../__testUtils__/featureApp';
import { registerCostRoutes } from './routes';

jest.setTimeout(120_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('GET /cost/* (%s)', id => {
  async function setup() {
    const harness = await createCostHarness({
      knex: await databases.init(id as TestDatabaseId),
      linkable: catalogEntities,
      catalog: catalogEntities,
      // alice may not see the ledger service
      visible: (caller, ref) =>
        !(caller === 'user:default/alice' && ref.endsWith('/ledger-service')),
    });
    await harness.intake.ingest(costHistory());
    await harness.projector.catchUp();
    const app = await createFeatureApp({
      id: 'cost',
      registerRoutes: (r, context) =>
        registerCostRoutes(r, context, harness.cost),
      events: harness.events,
      catalog: harness.catalog,
    });
    const get = (path: string, as = 'user:default/bob') =>
      request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header(as));
    return { app, get };
  }

  const window = 'from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z';
  const controller = `cluster=${CLUSTER}&namespace=payments&controllerKind=Deployment&controller=payments-api`;

  it('serves the summary, pods, recommendations and deployments', async () => {
    const { get } = await setup();
    const summary = await get(`/cost/summary?entityRef=payments-api&${window}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      scope: 'component',
      window: { hours: 48 },
    });
    expect(summary.body.days).toHaveLength(2);
    const pods = await get(
      `/cost/pods?entityRef=payments-api&${window}&${controller}`,
    );
    expect(pods.status).toBe(200);
    expect(pods.body.pods).toHaveLength(2);
    const recommendations = await get(
      `/cost/recommendations?entityRef=payments-api&${window}`,
    );
    expect(recommendations.status).toBe(200);
    expect(recommendations.body.risks.length).toBeGreaterThan(0);
    const deployments = await get(
      `/cost/deployments?entityRef=payments-api&${window}`,
    );
    expect(deployments.status).toBe(200);
    expect(deployments.body).toMatchObject({ compareDays: 7, items: [] });
    const cluster = await get(
      `/cost/summary?entityRef=resource:default/${CLUSTER}&${window}`,
    );
    expect(cluster.body.scope).toBe('cluster');
  });

  it.each([
    ['/cost/summary?', /^entityRef: /],
    [
      '/cost/summary?entityRef=payments-api&from=2026-11-02T06:00:00Z',
      /^from: cost windows are whole UTC days/,
    ],
    ['/cost/summary?entityRef=payments-api&to=2026-11-04T00:30:00Z', /^to: /],
    ['/cost/summary?entityRef=payments-api&from=yesterday', /^from: /],
    [
      '/cost/summary?entityRef=payments-api&from=2026-11-05T00:00:00Z&to=2026-11-04T00:00:00Z',
      /must be before/,
    ],
    [
      '/cost/summary?entityRef=payments-api&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      /at most 366 days/,
    ],
    ['/cost/summary?entityRef=payments-api&colour=red', /colour/],
    ['/cost/pods?entityRef=payments-api', /cluster/],
    ['/cost/recommendations?entityRef=payments-api&from=2026-11-02', /from/],
  ])('answers 400 for %s', async (path, message) => {
    const { get } = await setup();
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown or invisible entity and a controller not the entity’s, 401 without a credential', async () => {
    const { get, app } = await setup();
    expect(
      (await get('/cost/summary?entityRef=component:default/ghost')).status,
    ).toBe(404);
    expect((await get('/cost/summary?entityRef=ledger-service')).status).toBe(
      200,
    );
    expect(
      (
        await get(
          '/cost/summary?entityRef=ledger-service',
          'user:default/alice',
        )
      ).status,
    ).toBe(404);
    const other = await get(
      `/cost/pods?entityRef=ledger-service&${window}&${controller}`,
    );
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(
      /has no Deployment payments\/payments-api/,
    );
    expect(
      (await request(app).get('/cost/summary?entityRef=payments-api')).status,
    ).toBe(401);
  });
});
