import { TestDatabaseId, mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  CostContainerSample,
  computeCost,
} from '@goldenpath/plugin-platform-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { createCostHarness } from '../__testUtils__/costHarness';
import {
  CLUSTER,
  GROUP,
  LEDGER,
  PAYMENTS,
  RESOURCE,
  TWO_DAYS,
  costCatalog,
  GiB,
  costHistory,
  hourIso,
  modelInput,
  nodeEvent,
  range,
  usageEvent,
} from '../__testUtils__/costEvents';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const user = mockCredentials.user();
const PAYMENTS_DEPLOYMENT = {
  cluster: CLUSTER,
  namespace: 'payments',
  controllerKind: 'Deployment',
  controller: 'payments-api',
};
const of = (name: string) => (s: CostContainerSample) =>
  s.controller.name === name;

describe.each(databases.eachSupportedId())('cost drill-downs (%s)', id => {
  async function withHistory(config?: JsonObject, extra: any[] = []) {
    const harness = await createCostHarness({
      knex: await databases.init(id as TestDatabaseId),
      linkable: catalogEntities,
      catalog: costCatalog,
      config,
    });
    await harness.intake.ingest([...costHistory(), ...extra]);
    await harness.projector.catchUp();
    return harness;
  }

  describe('pods', () => {
    it.each([false, true])(
      'lists each pod and container of a controller; their sums are the controller’s (idle shared: %s)',
      async share => {
        const { cost } = await withHistory({ idle: { share } });
        const pods = await cost.getPods(
          { entityRef: PAYMENTS, ...TWO_DAYS, ...PAYMENTS_DEPLOYMENT },
          user,
        );
        const summary = await cost.getSummary(
          { entityRef: PAYMENTS, ...TWO_DAYS },
          user,
        );
        const controller = summary.controllers[0].totals;

        expect(pods.window).toEqual({
          from: '2026-11-02T00:00:00.000Z',
          to: '2026-11-04T00:00:00.000Z',
          hours: 48,
        });
        expect(pods.pods.map(p => p.podUid).sort()).toEqual(['uid-a', 'uid-b']);
        const a = pods.pods.find(p => p.podUid === 'uid-a')!;
        expect(a).toMatchObject({
          pod: 'payments-api-a',
          firstHour: hourIso(0),
          lastHour: hourIso(11),
          nodes: ['od-1'],
        });
        expect(a.containers.map(c => c.container)).toEqual(['app', 'proxy']);
        expect(a.containers[1]).toMatchObject({
          cpuRequestCores: 0,
          memoryRequestBytes: 64 * 2 ** 20,
        });
        // pod a by hand: app 12 h × (0.5 × 0.04 + 1 × 0.005) = 0.3
        expect(a.containers[0].totals.cost).toBeCloseTo(0.3, 12);
        // costliest first
        expect(pods.pods[0].totals.costWithIdle).toBeGreaterThanOrEqual(
          pods.pods[1].totals.costWithIdle,
        );

        const sum = (f: (t: (typeof pods.pods)[number]['totals']) => number) =>
          pods.pods.reduce((t, p) => t + f(p.totals), 0);
        expect(sum(t => t.cost)).toBeCloseTo(controller.cost, 12);
        expect(sum(t => t.containerHours)).toBe(controller.containerHours);
        expect(sum(t => t.missingPriceHours)).toBe(2);
        expect(sum(t => t.sharedIdleCost)).toBeCloseTo(
          controller.sharedIdleCost,
          12,
        );
        expect(controller.sharedIdleCost > 0).toBe(share);
      },
    );

    it('answers 404 for a controller that is not the entity’s, and serves any controller of a cluster', async () => {
      const { cost } = await withHistory();
      const ledger = {
        ...PAYMENTS_DEPLOYMENT,
        controller: 'ledger-service',
      };
      await expect(
        cost.getPods({ entityRef: PAYMENTS, ...TWO_DAYS, ...ledger }, user),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        cost.getPods(
          {
            entityRef: PAYMENTS,
            ...TWO_DAYS,
            ...PAYMENTS_DEPLOYMENT,
            cluster: 'prod-us-east-1',
          },
          user,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const job = await cost.getPods(
        {
          entityRef: RESOURCE,
          ...TWO_DAYS,
          cluster: CLUSTER,
          namespace: 'batch',
          controllerKind: 'Job',
          controller: 'batch-jobs',
        },
        user,
      );
      expect(job.pods.map(p => p.podUid)).toEqual(['uid-x']);
      // 6 h × (1 core × 0.04 + 4 GiB × 0.005)
      expect(job.pods[0].totals.cost).toBeCloseTo(0.36, 12);
    });

    it('clamps the window to raw retention and says from when', async () => {
      // 7 days before 2026-11-09T12:00 is hour 12 of the data: pod a is gone
      const { cost } = await withHistory({ retention: { rawDays: 7 } });
      const pods = await cost.getPods(
        { entityRef: PAYMENTS, ...TWO_DAYS, ...PAYMENTS_DEPLOYMENT },
        user,
      );
      expect(pods.rawSince).toBe(hourIso(12));
      expect(pods.window).toEqual({
        from: hourIso(12),
        to: '2026-11-04T00:00:00.000Z',
        hours: 36,
      });
      expect(pods.pods.map(p => p.podUid)).toEqual(['uid-b']);
    });
  });

  describe('recommendations', () => {
    it('right-sizes each container spec with the model over the pooled raw hours', async () => {
      const { cost } = await withHistory({
        currency: { code: 'EUR', rate: 2 },
      });
      const r = await cost.getRecommendations(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );
      const { samples, nodes } = modelInput(costHistory());
      const model = computeCost(
        { samples: samples.filter(of('payments-api')), nodes },
        {
          window: {
            from: '2026-11-02T00:00:00.000Z',
            to: '2026-11-04T00:00:00.000Z',
          },
        },
      ).rightSizing;

      expect(r.window.hours).toBe(48);
      expect(r.options).toMatchObject({
        percentile: 0.95,
        headroom: 0.2,
        cpuFloorMillicores: 10,
        memoryFloorBytes: 20 * 2 ** 20,
      });
      // the proxy has no CPU request, the app's usage climbs past its
      // request on day 2: both are risks, listed apart
      expect(r.risks.map(x => x.container)).toEqual(
        model.risks.map(x => x.container),
      );
      expect(r.risks.map(x => x.container).sort()).toEqual(['app', 'proxy']);
      expect(r.risks.find(x => x.container === 'proxy')!.cpu).toMatchObject({
        currentRequest: 0,
        underProvisioned: true,
      });
      expect(r.savings.map(x => x.container)).toEqual(
        model.savings.map(x => x.container),
      );
      const app = r.savings.find(x => x.container === 'app')!;
      const modelApp = model.savings.find(x => x.container === 'app')!;
      expect(app).toMatchObject({
        cluster: CLUSTER,
        namespace: 'payments',
        controllerKind: 'Deployment',
        controller: 'payments-api',
        samples: 48,
      });
      expect(app.cpu.recommendedRequest).toBe(modelApp.cpu.recommendedRequest);
      expect(app.memory.recommendedRequest).toBe(
        modelApp.memory.recommendedRequest,
      );
      // amounts in the configured currency (rate 2), ratios and requests not
      expect(app.savings).toBeCloseTo(modelApp.savings * 2, 12);
      expect(r.totalSavings).toBeCloseTo(model.totalSavings * 2, 12);
      expect(r.totalMonthlySavings).toBeCloseTo(
        model.totalMonthlySavings * 2,
        9,
      );
      expect(r.totalRiskCost).toBeCloseTo(model.totalRiskCost * 2, 12);
      expect(r.totalRiskCost).toBeGreaterThan(0);
    });

    it('honours the configured percentile, headroom and floors', async () => {
      const { cost } = await withHistory({
        rightSizing: {
          percentile: 0.5,
          headroom: 0,
          cpuFloorMillicores: 300,
          memoryFloorMiB: 600,
        },
      });
      const r = await cost.getRecommendations(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );
      const app = [...r.savings, ...r.risks].find(x => x.container === 'app')!;
      // median usage 0.25 + (…) is below the 300 m floor; 512 MiB below 600 MiB
      expect(app.cpu.recommendedRequest).toBe(0.3);
      expect(app.memory.recommendedRequest).toBe(600 * 2 ** 20);
    });
  });

  describe('deployments', () => {
    // day 3 (hours 48–71): pod c on on-demand od-1 requests a whole core
    const dayThree = range(48, 72).flatMap(hour => [
      usageEvent({
        hour,
        pod: 'payments-api-c',
        podUid: 'uid-c',
        node: 'od-1',
        cpuRequestCores: 1,
        memoryRequestBytes: 2 * GiB,
      }),
      nodeEvent({ hour, node: 'od-1' }),
    ]);
    const deployment = (
      n: number,
      finishedAt: string,
      data: Record<string, unknown> = {},
      repository = 'acme/payments-api',
    ) =>
      deploymentEvent({
        id: `d${n}`,
        occurredAt: finishedAt,
        subject: { kind: 'repository', name: repository },
        data: {
          deploymentId: `d${n}`,
          startedAt: finishedAt,
          finishedAt,
          ...data,
        },
      });

    it('compares the daily cost before and after each successful deployment and flags a raise', async () => {
      const { cost } = await withHistory({ deployments: { compareDays: 1 } }, [
        ...dayThree,
        deployment(1, '2026-11-03T10:00:00Z'),
        deployment(2, '2026-11-03T11:00:00Z', { status: 'failure' }),
        deployment(3, '2026-11-03T12:00:00Z', { environment: 'staging' }),
        deployment(4, '2026-11-04T09:00:00Z'),
        deployment(5, '2026-11-03T09:00:00Z', {}, 'acme/ledger-service'),
      ]);
      const week = { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' };
      const d = await cost.getDeployments(
        { entityRef: PAYMENTS, ...week },
        user,
      );
      const summary = await cost.getSummary(
        { entityRef: PAYMENTS, from: week.from, to: '2026-11-06T00:00:00Z' },
        user,
      );
      const dayCost = (day: string) =>
        summary.days.find(x => x.day === day)!.cost;

      expect(d).toMatchObject({ compareDays: 1, raiseThreshold: 0.1 });
      expect(d.items.map(i => i.deploymentId)).toEqual(['d1', 'd4']);
      const [d1, d4] = d.items;
      expect(d1).toMatchObject({
        entityRef: PAYMENTS,
        environment: 'production',
        finishedAt: '2026-11-03T10:00:00.000Z',
        beforeDays: 1,
        afterDays: 1,
        flagged: true,
      });
      expect(d1.beforeDailyCost).toBeCloseTo(dayCost('2026-11-02'), 12);
      expect(d1.afterDailyCost).toBeCloseTo(dayCost('2026-11-04'), 12);
      expect(d1.change).toBeCloseTo(
        (dayCost('2026-11-04') - dayCost('2026-11-02')) / dayCost('2026-11-02'),
        12,
      );
      expect(d1.change).toBeGreaterThan(0.1);
      // nothing after 2026-11-04 yet: no change, not flagged
      expect(d4).toMatchObject({ beforeDays: 1, afterDays: 0, flagged: false });
      expect(d4.afterDailyCost).toBeUndefined();
      expect(d4.change).toBeUndefined();

      const team = await cost.getDeployments(
        { entityRef: GROUP, ...week },
        user,
      );
      expect(team.items.map(i => `${i.entityRef} ${i.deploymentId}`)).toEqual([
        `${LEDGER} d5`,
        `${PAYMENTS} d1`,
        `${PAYMENTS} d4`,
      ]);
      // the ledger service has no cost data after 2026-11-03
      expect(team.items[0].flagged).toBe(false);
    });
  });
});
