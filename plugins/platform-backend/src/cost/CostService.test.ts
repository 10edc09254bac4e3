import { TestDatabaseId, mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  CostContainerSample,
  CostNodePrice,
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
  costHistory,
  hourIso,
  modelInput,
  nodeEvent,
  range,
  usageEvent,
} from '../__testUtils__/costEvents';
import { catalogEntities } from '../__testUtils__/events';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const user = mockCredentials.user();
const MODEL_WINDOW = {
  from: '2026-11-02T00:00:00.000Z',
  to: '2026-11-04T00:00:00.000Z',
};

const of = (name: string) => (s: CostContainerSample) =>
  s.controller.name === name;

/**
 * Shared idle as the backend defines it: each hour's idle shared among that
 * hour's containers, i.e. the model run hour by hour and summed.
 */
function hourlySharedIdle(
  samples: CostContainerSample[],
  nodes: CostNodePrice[],
  controller: string,
  by: 'cluster' | 'node',
) {
  let shared = 0;
  for (const hour of range(0, 48)) {
    const at = hourIso(hour);
    const result = computeCost(
      {
        samples: samples.filter(s => s.hourStart === at),
        nodes: nodes.filter(n => n.hourStart === at),
      },
      {
        window: { from: at, to: hourIso(hour + 1) },
        idle: { share: true, by },
      },
    );
    for (const c of result.controllers) {
      if (c.controller.name === controller) {
        shared += c.sharedIdleCpuCost + c.sharedIdleMemoryCost;
      }
    }
  }
  return shared;
}

describe.each(databases.eachSupportedId())(
  'CostService from the log to the numbers (%s)',
  id => {
    async function setup(config?: JsonObject) {
      const harness = await createCostHarness({
        knex: await databases.init(id as TestDatabaseId),
        linkable: catalogEntities,
        catalog: costCatalog,
        config,
      });
      return harness;
    }

    async function withHistory(config?: JsonObject) {
      const harness = await setup(config);
      await harness.intake.ingest(costHistory());
      await harness.projector.catchUp();
      return harness;
    }

    it('serves a component’s summary from the daily rows, equal to the model over the raw samples', async () => {
      const { cost } = await withHistory();
      const s = await cost.getSummary(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );
      const { samples, nodes } = modelInput(costHistory());
      const model = computeCost(
        { samples: samples.filter(of('payments-api')), nodes },
        { window: MODEL_WINDOW },
      );

      expect(s).toMatchObject({
        entityRef: PAYMENTS,
        scope: 'component',
        entityRefs: [PAYMENTS],
        clusters: [CLUSTER],
        window: { from: MODEL_WINDOW.from, to: MODEL_WINDOW.to, hours: 48 },
        currency: { code: 'USD', rate: 1 },
        dataSince: hourIso(0),
        components: [],
        namespaces: [],
      });
      // summed in another order than the model (hour, spec, day) → equal to
      // floating-point rounding, not to the bit
      for (const field of [
        'cpuCost',
        'memoryCost',
        'cost',
        'cpuRequestCoreHours',
        'cpuUsageCoreHours',
        'cpuBilledCoreHours',
        'memoryRequestByteHours',
        'memoryUsageByteHours',
        'memoryBilledByteHours',
      ] as const) {
        expect(s.total[field]).toBeCloseTo(model.total[field], 9);
      }
      expect(s.total.containerHours).toBe(96);
      expect(s.total.containerHours).toBe(model.total.containerHours);
      // sp-1 has no price at hour 30: both containers of pod b
      expect(s.total.missingPriceHours).toBe(2);
      expect(s.total.missingPriceHours).toBe(model.total.missingPriceHours);
      expect(s.total.efficiency.cpu).toBeCloseTo(
        model.total.efficiency.cpu,
        12,
      );
      expect(s.total.efficiency.total).toBeCloseTo(
        model.total.efficiency.total,
        12,
      );
      expect(s.total.sharedIdleCost).toBe(0);
      expect(s.total.costWithIdle).toBe(s.total.cost);

      // day 1 by hand: app 0.30 on od-1 (pod a) + 0.084 on spot sp-1 (pod b);
      // proxy (no CPU request, 0.1 core used) 0.048 + 0.012 CPU and
      // 1/16 GiB × (0.005 + 0.002) × 12 = 0.00525 memory
      expect(s.days.map(d => d.day)).toEqual(['2026-11-02', '2026-11-03']);
      expect(s.days[0].cost).toBeCloseTo(0.44925, 12);
      expect(s.days[0].cost + s.days[1].cost).toBeCloseTo(s.total.cost, 12);
      expect(s.controllers).toEqual([
        expect.objectContaining({
          entityRef: PAYMENTS,
          cluster: CLUSTER,
          namespace: 'payments',
          controllerKind: 'Deployment',
          controller: 'payments-api',
        }),
      ]);
      expect(s.controllers[0].totals.cost).toBeCloseTo(s.total.cost, 12);
      expect(s.previous.cost).toBe(0);
      expect(s.previous.containerHours).toBe(0);

      // idle of the cluster, every container counted (the unlinked Job too)
      const all = computeCost({ samples, nodes }, { window: MODEL_WINDOW });
      expect(s.idle).toHaveLength(1);
      expect(s.idle[0].cluster).toBe(CLUSTER);
      expect(s.idle[0].node).toBeUndefined();
      expect(s.idle[0].nodeHours).toBe(all.idle[0].nodeHours);
      for (const field of [
        'cpuCapacityCost',
        'memoryCapacityCost',
        'cpuAllocatedCost',
        'memoryAllocatedCost',
        'cpuIdleCost',
        'memoryIdleCost',
        'idleCost',
        'cpuOverAllocatedCost',
      ] as const) {
        expect(s.idle[0][field]).toBeCloseTo(all.idle[0][field], 9);
      }
    });

    it('rolls up a Group’s components and a cluster Resource’s namespaces', async () => {
      const { cost } = await withHistory();
      const { samples, nodes } = modelInput(costHistory());
      const modelOf = (filter: (s: CostContainerSample) => boolean) =>
        computeCost(
          { samples: samples.filter(filter), nodes },
          { window: MODEL_WINDOW },
        ).total.cost;

      const team = await cost.getSummary(
        { entityRef: GROUP, ...TWO_DAYS },
        user,
      );
      expect(team.scope).toBe('group');
      expect(team.entityRefs).toEqual([LEDGER, PAYMENTS]);
      expect(team.components.map(c => c.entityRef)).toEqual([LEDGER, PAYMENTS]);
      expect(team.components[0].totals.cost).toBeCloseTo(
        modelOf(of('ledger-service')),
        9,
      );
      expect(team.total.cost).toBeCloseTo(
        modelOf(s => s.controller.name !== 'batch-jobs'),
        9,
      );

      const cluster = await cost.getSummary(
        { entityRef: RESOURCE, ...TWO_DAYS },
        user,
      );
      expect(cluster).toMatchObject({
        scope: 'cluster',
        entityRefs: [],
        clusters: [CLUSTER],
        components: [],
      });
      expect(cluster.total.cost).toBeCloseTo(
        modelOf(() => true),
        9,
      );
      expect(cluster.namespaces.map(n => n.namespace)).toEqual([
        'payments',
        'batch',
      ]);
      expect(cluster.controllers.map(c => c.controller)).toEqual([
        'ledger-service',
        'payments-api',
        'batch-jobs',
      ]);
      // the unlinked Job has no entity
      expect(cluster.controllers[2].entityRef).toBeUndefined();
    });

    it('compares with the previous window and converts the currency at read time', async () => {
      const { cost } = await withHistory({
        currency: { code: 'eur', rate: 0.5 },
      });
      const s = await cost.getSummary(
        {
          entityRef: PAYMENTS,
          from: '2026-11-03T00:00:00Z',
          to: '2026-11-04T00:00:00Z',
        },
        user,
      );
      expect(s.currency).toEqual({ code: 'EUR', rate: 0.5 });
      expect(s.window.hours).toBe(24);
      expect(s.previous.cost).toBeCloseTo(0.44925 * 0.5, 12);
      expect(s.previous.containerHours).toBe(48);
      const { samples, nodes } = modelInput(costHistory());
      const model = computeCost(
        { samples: samples.filter(of('payments-api')), nodes },
        {
          window: {
            from: '2026-11-03T00:00:00.000Z',
            to: '2026-11-04T00:00:00.000Z',
          },
        },
      );
      expect(s.total.cost).toBeCloseTo(model.total.cost * 0.5, 9);
      // ratios are not converted
      expect(s.total.efficiency.total).toBeCloseTo(
        model.total.efficiency.total,
        12,
      );
    });

    it.each(['cluster', 'node'] as const)(
      'shares idle hour by hour when platform.cost.idle.share is on (by %s)',
      async by => {
        const { cost } = await withHistory({ idle: { share: true, by } });
        const s = await cost.getSummary(
          { entityRef: PAYMENTS, ...TWO_DAYS },
          user,
        );
        const { samples, nodes } = modelInput(costHistory());
        const expected = hourlySharedIdle(samples, nodes, 'payments-api', by);
        expect(expected).toBeGreaterThan(0);
        expect(s.total.sharedIdleCost).toBeCloseTo(expected, 9);
        expect(s.total.costWithIdle).toBeCloseTo(
          s.total.cost + s.total.sharedIdleCost,
          12,
        );
        expect(s.days.reduce((t, d) => t + d.sharedIdleCost, 0)).toBeCloseTo(
          s.total.sharedIdleCost,
          12,
        );
        expect(s.options).toMatchObject({ idleShared: true, idleBy: by });
        // per node: one idle row per node; per cluster: one
        expect(s.idle.map(i => i.node)).toEqual(
          by === 'node' ? ['od-1', 'sp-1'] : [undefined],
        );

        // every container of the cluster shares: with nothing over-allocated,
        // allocated + shared = the capacity of the hours that had allocations
        const cluster = await cost.getSummary(
          { entityRef: RESOURCE, ...TWO_DAYS },
          user,
        );
        const shared = cluster.total.sharedIdleCost;
        expect(shared).toBeGreaterThan(0);
        expect(shared).toBeLessThanOrEqual(
          cluster.idle.reduce((t, i) => t + i.idleCost, 0) + 1e-12,
        );
      },
    );

    it('prices an hour again when a late node.cost arrives, and a resent one reprices it', async () => {
      const { intake, projector, cost } = await setup();
      const day = {
        from: '2026-11-02T00:00:00Z',
        to: '2026-11-03T00:00:00Z',
      };
      await intake.ingest([usageEvent({ hour: 0 })]);
      await projector.catchUp();
      let s = await cost.getSummary({ entityRef: PAYMENTS, ...day }, user);
      expect(s.total).toMatchObject({ cost: 0, missingPriceHours: 1 });

      await intake.ingest([nodeEvent({ hour: 0, node: 'od-1' })]);
      await projector.catchUp();
      s = await cost.getSummary({ entityRef: PAYMENTS, ...day }, user);
      // 0.5 core × 0.04 + 1 GiB × 0.005
      expect(s.total.cost).toBeCloseTo(0.025, 12);
      expect(s.total.missingPriceHours).toBe(0);

      await intake.ingest([
        nodeEvent({ hour: 0, node: 'od-1', cpu: 0.08, revision: 1 }),
      ]);
      await projector.catchUp();
      s = await cost.getSummary({ entityRef: PAYMENTS, ...day }, user);
      expect(s.total.cost).toBeCloseTo(0.045, 12);
    });

    it('bills at a configured price for the node’s instance and capacity type over node.cost’s', async () => {
      const { intake, projector, cost } = await setup({
        prices: [
          {
            instanceType: 'm6i.xlarge',
            capacityType: 'on-demand',
            cpuCoreHourPrice: 0.08,
            memoryGibHourPrice: 0.01,
          },
        ],
      });
      await intake.ingest([
        usageEvent({ hour: 0 }),
        nodeEvent({ hour: 0, node: 'od-1' }),
        usageEvent({
          hour: 0,
          pod: 'payments-api-b',
          podUid: 'uid-b',
          node: 'sp-1',
        }),
        nodeEvent({ hour: 0, node: 'sp-1' }),
      ]);
      await projector.catchUp();
      const s = await cost.getSummary(
        {
          entityRef: PAYMENTS,
          from: '2026-11-02T00:00:00Z',
          to: '2026-11-03T00:00:00Z',
        },
        user,
      );
      // od-1 (m6i.xlarge, on-demand) at the configured 0.08 and 0.01;
      // sp-1 (m6i.large, spot) has no entry: node.cost's 0.01 and 0.002
      expect(s.total.cost).toBeCloseTo(
        0.5 * 0.08 + 0.01 + 0.5 * 0.01 + 0.002,
        12,
      );
      // capacity priced the same way: od-1's 4 cores at 0.08
      expect(s.idle[0].cpuCapacityCost).toBeCloseTo(4 * 0.08 + 2 * 0.01, 12);
    });

    it('uses the pod’s own prices when no node.cost row exists, without counting the node as capacity', async () => {
      const { intake, projector, cost } = await setup();
      await intake.ingest([
        usageEvent({ hour: 0, prices: { cpu: 0.02, memory: 0.004 } }),
      ]);
      await projector.catchUp();
      const s = await cost.getSummary(
        {
          entityRef: PAYMENTS,
          from: '2026-11-02T00:00:00Z',
          to: '2026-11-03T00:00:00Z',
        },
        user,
      );
      expect(s.total.cost).toBeCloseTo(0.5 * 0.02 + 0.004, 12);
      expect(s.idle).toEqual([]);
    });

    it('replays to the same rows and numbers (idempotent, order-independent)', async () => {
      const { projector, cost, knex } = await withHistory({
        idle: { share: true },
      });
      const read = async () => ({
        summary: await cost.getSummary(
          { entityRef: RESOURCE, ...TWO_DAYS },
          user,
        ),
        hours: await knex('cost_container_hours').orderBy([
          'controller',
          'container',
          'hour_start',
        ]),
        days: await knex('cost_controller_days').orderBy(['controller', 'day']),
      });
      const before = await read();
      await projector.rewind(0);
      await projector.catchUp();
      expect(await read()).toEqual(before);
    });

    it('counts unlinked containers for idle but not for a component, and gives rows their entity on relink', async () => {
      const linked = await withHistory();
      const expected = await linked.cost.getSummary(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );

      const { intake, projector, cost, linkLater, relink } = await setup();
      linkLater(true);
      await intake.ingest(costHistory());
      await projector.catchUp();
      const unlinked = await cost.getSummary(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );
      expect(unlinked.total.cost).toBe(0);
      expect(unlinked.dataSince).toBeUndefined();
      const cluster = await cost.getSummary(
        { entityRef: RESOURCE, ...TWO_DAYS },
        user,
      );
      expect(cluster.total.cost).toBeGreaterThan(expected.total.cost);
      expect(cluster.idle[0].cpuIdleCost).toBeCloseTo(
        expected.idle[0].cpuIdleCost,
        12,
      );

      linkLater(false);
      await relink();
      const after = await cost.getSummary(
        { entityRef: PAYMENTS, ...TWO_DAYS },
        user,
      );
      expect(after).toEqual(expected);
    });

    it('rejects a window that is not whole UTC days, and an entity the caller cannot see', async () => {
      const { cost } = await setup();
      await expect(
        cost.getSummary(
          { entityRef: PAYMENTS, from: '2026-11-02T06:00:00Z' },
          user,
        ),
      ).rejects.toMatchObject({ name: 'InputError' });
      await expect(
        cost.getSummary({ entityRef: 'component:default/ghost' }, user),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      // default window: 30 days ending at the next UTC midnight
      const s = await cost.getSummary({ entityRef: PAYMENTS }, user);
      expect(s.window).toEqual({
        from: '2026-10-11T00:00:00.000Z',
        to: '2026-11-10T00:00:00.000Z',
        hours: 720,
      });
      expect(s.days).toHaveLength(30);
      expect(s.days.every(d => d.cost === 0)).toBe(true);
    });
  },
);
