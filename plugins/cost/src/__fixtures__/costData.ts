import { Entity } from '@backstage/catalog-model';
import { EntityActivity } from '@goldenpath/plugin-platform-common';
import {
  PlatformApi,
  PlatformGetPath,
  PlatformPostPath,
} from '@goldenpath/plugin-platform-react';
import {
  CostDay,
  CostDeployments,
  CostOptions,
  CostPods,
  CostPodsQuery,
  CostQuery,
  CostRecommendation,
  CostRecommendations,
  CostSummary,
  CostTotals,
} from '../api/types';

/**
 * Hand-built answers of the cost endpoints, shaped by the spec: a checkout
 * service of two Deployments in cluster prod-eu, the team that owns it and
 * the cluster. Parts add up (controllers to the total, days to the total,
 * namespaces to the cluster), as the backend's do. No people.
 */

const GIB = 2 ** 30;
const MIB = 2 ** 20;

// Entities

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    title: 'Checkout',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/shop',
  },
};

/** Linked through a label selector only. */
export const labelSelectorComponent: Entity = {
  ...componentEntity,
  metadata: {
    name: 'cart',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-label-selector': 'app=cart' },
  },
};

export const componentWithoutAnnotation: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'legacy-batch',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/legacy-batch' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/shop',
  },
};

/** Annotated, but no usage ever arrived. */
export const newComponentEntity: Entity = {
  ...componentEntity,
  metadata: {
    name: 'new-service',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-namespace': 'new-service' },
  },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'shop', namespace: 'default', title: 'Shop' },
  spec: { type: 'team', children: [] },
};

export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod-eu', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

export const databaseEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'default' },
  spec: { type: 'database', owner: 'group:default/shop' },
};

// Totals

interface TotalsInput {
  containerHours: number;
  missingPriceHours?: number;
  /** request, usage, billed core-hours */
  cpu: [number, number, number];
  /** request, usage, billed GiB-hours */
  memoryGib: [number, number, number];
  cpuCost: number;
  memoryCost: number;
  sharedIdleCost?: number;
}

/** Totals from their inputs; efficiency as the model defines it (Σ usage ÷ Σ request, cost-weighted). */
export function totals(input: TotalsInput): CostTotals {
  const [cpuRequest, cpuUsage, cpuBilled] = input.cpu;
  const [memRequest, memUsage, memBilled] = input.memoryGib;
  const cost = input.cpuCost + input.memoryCost;
  const ratio = (usage: number, request: number) =>
    request > 0 ? usage / request : Number(usage > 0);
  const cpu = ratio(cpuUsage, cpuRequest);
  const memory = ratio(memUsage, memRequest);
  const sharedIdleCost = input.sharedIdleCost ?? 0;
  return {
    containerHours: input.containerHours,
    missingPriceHours: input.missingPriceHours ?? 0,
    cpuRequestCoreHours: cpuRequest,
    cpuUsageCoreHours: cpuUsage,
    cpuBilledCoreHours: cpuBilled,
    memoryRequestByteHours: memRequest * GIB,
    memoryUsageByteHours: memUsage * GIB,
    memoryBilledByteHours: memBilled * GIB,
    cpuCost: input.cpuCost,
    memoryCost: input.memoryCost,
    cost,
    sharedIdleCost,
    costWithIdle: cost + sharedIdleCost,
    efficiency: {
      cpu,
      memory,
      total:
        cost > 0 ? (cpu * input.cpuCost + memory * input.memoryCost) / cost : 0,
    },
  };
}

export const zeroTotals = totals({
  containerHours: 0,
  cpu: [0, 0, 0],
  memoryGib: [0, 0, 0],
  cpuCost: 0,
  memoryCost: 0,
});

export const window = {
  from: '2026-10-24T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  hours: 720,
};

export const options: CostOptions = {
  idleShared: false,
  idleBy: 'cluster',
  percentile: 0.95,
  headroom: 0.2,
  cpuFloorMillicores: 10,
  memoryFloorBytes: 20 * MIB,
  raiseThreshold: 0.2,
  compareDays: 3,
};

const currency = { code: 'USD', rate: 1 };

/** 30 days; CPU alternates 1.80 and 2.20 a day (60 in all), memory 0.492 a day (14.76). */
function days(sharedIdlePerDay = 0): CostDay[] {
  return Array.from({ length: 30 }, (_, i) => {
    const cpuCost = i % 2 === 0 ? 1.8 : 2.2;
    return {
      day: new Date(Date.UTC(2026, 9, 24 + i)).toISOString().slice(0, 10),
      cpuCost,
      memoryCost: 0.492,
      sharedIdleCost: sharedIdlePerDay,
      cost: cpuCost + 0.492,
    };
  });
}

// The component

const checkoutTotals = totals({
  containerHours: 1440,
  missingPriceHours: 12,
  cpu: [792, 360, 800],
  memoryGib: [1530, 1080, 1560],
  cpuCost: 32,
  memoryCost: 7.8,
});

const workerTotals = totals({
  containerHours: 720,
  cpu: [648, 288, 700],
  memoryGib: [1350, 936, 1392],
  cpuCost: 28,
  memoryCost: 6.96,
});

/** checkout + worker: 2160 container-hours, $60 CPU + $14.76 memory = $74.76. */
const componentTotal = totals({
  containerHours: 2160,
  missingPriceHours: 12,
  cpu: [1440, 648, 1500],
  memoryGib: [2880, 2016, 2952],
  cpuCost: 60,
  memoryCost: 14.76,
});

export const componentSummary: CostSummary = {
  entityRef: 'component:default/checkout',
  scope: 'component',
  entityRefs: ['component:default/checkout'],
  clusters: ['prod-eu'],
  window,
  currency,
  options,
  total: componentTotal,
  previous: totals({
    containerHours: 2100,
    cpu: [1400, 574, 1450],
    memoryGib: [2800, 1960, 2840],
    cpuCost: 50.4,
    memoryCost: 13.8,
  }),
  days: days(),
  controllers: [
    {
      entityRef: 'component:default/checkout',
      cluster: 'prod-eu',
      namespace: 'shop',
      controllerKind: 'Deployment',
      controller: 'checkout',
      totals: checkoutTotals,
    },
    {
      entityRef: 'component:default/checkout',
      cluster: 'prod-eu',
      namespace: 'shop',
      controllerKind: 'Deployment',
      controller: 'checkout-worker',
      totals: workerTotals,
    },
  ],
  components: [],
  namespaces: [],
  idle: [
    {
      cluster: 'prod-eu',
      nodeHours: 2160,
      cpuCapacityCost: 345.6,
      memoryCapacityCost: 172.8,
      cpuAllocatedCost: 230.4,
      memoryAllocatedCost: 100.8,
      cpuIdleCost: 115.2,
      memoryIdleCost: 72,
      idleCost: 187.2,
      cpuOverAllocatedCost: 0,
      memoryOverAllocatedCost: 0,
    },
  ],
  dataSince: '2026-05-04T09:00:00.000Z',
};

/** The same with idle shared back: $9.24 over the window, $0.308 a day. */
export const componentSummaryWithIdle: CostSummary = {
  ...componentSummary,
  options: { ...options, idleShared: true },
  total: { ...componentTotal, sharedIdleCost: 9.24, costWithIdle: 84 },
  days: days(0.308),
};

/** Raw samples are kept 35 days: since Oct 19, 2026, 01:00 UTC. */
const rawSince = '2026-10-19T01:00:00.000Z';

export const checkoutPods: CostPods = {
  window,
  rawSince,
  currency,
  pods: [
    {
      pod: 'checkout-7d9f8-x2k4q',
      podUid: 'uid-b',
      firstHour: '2026-11-02T12:00:00.000Z',
      lastHour: '2026-11-22T23:00:00.000Z',
      nodes: ['spot-1'],
      totals: totals({
        containerHours: 988,
        cpu: [543.4, 247, 549],
        memoryGib: [1050, 741, 1070],
        cpuCost: 5.49,
        memoryCost: 2.14,
      }),
      containers: [
        {
          container: 'app',
          nodes: ['spot-1'],
          cpuRequestCores: 1,
          memoryRequestBytes: 2 * GIB,
          totals: totals({
            containerHours: 494,
            cpu: [494, 222.3, 498],
            memoryGib: [988, 691.6, 1005],
            cpuCost: 4.98,
            memoryCost: 2.01,
          }),
        },
        {
          container: 'istio-proxy',
          nodes: ['spot-1'],
          cpuRequestCores: 0.1,
          memoryRequestBytes: 128 * MIB,
          totals: totals({
            containerHours: 494,
            cpu: [49.4, 24.7, 51],
            memoryGib: [62, 49.4, 65],
            cpuCost: 0.51,
            memoryCost: 0.13,
          }),
        },
      ],
    },
    {
      pod: 'checkout-7d9f8-a1b2c',
      podUid: 'uid-a',
      firstHour: '2026-10-24T00:00:00.000Z',
      lastHour: '2026-11-02T11:00:00.000Z',
      nodes: ['od-1'],
      totals: totals({
        containerHours: 452,
        missingPriceHours: 12,
        cpu: [248.6, 113, 251],
        memoryGib: [480, 339, 490],
        cpuCost: 26.51,
        memoryCost: 5.66,
      }),
      containers: [
        {
          container: 'app',
          nodes: ['od-1'],
          cpuRequestCores: 1,
          memoryRequestBytes: 2 * GIB,
          totals: totals({
            containerHours: 226,
            missingPriceHours: 6,
            cpu: [226, 101.7, 228],
            memoryGib: [452, 316.4, 460],
            cpuCost: 24.2,
            memoryCost: 5.3,
          }),
        },
        {
          container: 'istio-proxy',
          nodes: ['od-1'],
          cpuRequestCores: 0.1,
          memoryRequestBytes: 128 * MIB,
          totals: totals({
            containerHours: 226,
            missingPriceHours: 6,
            cpu: [22.6, 11.3, 23],
            memoryGib: [28, 22.6, 30],
            cpuCost: 2.31,
            memoryCost: 0.36,
          }),
        },
      ],
    },
  ],
};

// Right-sizing

const spec = {
  cluster: 'prod-eu',
  namespace: 'shop',
  controllerKind: 'Deployment',
};

const appSavings: CostRecommendation = {
  ...spec,
  controller: 'checkout',
  container: 'app',
  samples: 720,
  cpu: {
    currentRequest: 1,
    usageQuantile: 0.29,
    recommendedRequest: 0.348,
    currentCost: 20,
    recommendedCost: 9.6,
    underProvisioned: false,
  },
  memory: {
    currentRequest: 2 * GIB,
    usageQuantile: 512 * MIB,
    recommendedRequest: 615 * MIB,
    currentCost: 6,
    recommendedCost: 2,
    underProvisioned: false,
  },
  savings: 14.4,
  monthlySavings: 14.6,
  riskCost: 0,
  monthlyRiskCost: 0,
};

const sidecarSavings: CostRecommendation = {
  ...spec,
  controller: 'checkout',
  container: 'istio-proxy',
  samples: 720,
  cpu: {
    currentRequest: 0.1,
    usageQuantile: 0.01,
    recommendedRequest: 0.012,
    currentCost: 2.88,
    recommendedCost: 0.48,
    underProvisioned: false,
  },
  memory: {
    currentRequest: 128 * MIB,
    usageQuantile: 8 * MIB,
    recommendedRequest: 20 * MIB,
    currentCost: 1.44,
    recommendedCost: 0.24,
    underProvisioned: false,
  },
  savings: 3.6,
  monthlySavings: 3.65,
  riskCost: 0,
  monthlyRiskCost: 0,
};

/** CPU bursts above its request (risk), memory over-requested (saving): in both lists. */
const workerSpec: CostRecommendation = {
  ...spec,
  controller: 'checkout-worker',
  container: 'worker',
  samples: 720,
  cpu: {
    currentRequest: 0.2,
    usageQuantile: 1,
    recommendedRequest: 1.2,
    currentCost: 12,
    recommendedCost: 33.6,
    underProvisioned: true,
  },
  memory: {
    currentRequest: 256 * MIB,
    usageQuantile: 100 * MIB,
    recommendedRequest: 120 * MIB,
    currentCost: 1.44,
    recommendedCost: 0.72,
    underProvisioned: false,
  },
  savings: 0.72,
  monthlySavings: 0.73,
  riskCost: 21.6,
  monthlyRiskCost: 21.9,
};

export const recommendations: CostRecommendations = {
  window,
  rawSince,
  currency,
  options,
  savings: [appSavings, sidecarSavings, workerSpec],
  risks: [workerSpec],
  totalSavings: 18.72,
  totalMonthlySavings: 18.98,
  totalRiskCost: 21.6,
  totalMonthlyRiskCost: 21.9,
};

// Deployments

export const costDeployments: CostDeployments = {
  currency,
  raiseThreshold: 0.2,
  compareDays: 3,
  items: [
    {
      deploymentId: 'deploy-4711',
      entityRef: 'component:default/checkout',
      environment: 'production',
      finishedAt: '2026-11-20T10:05:00.000Z',
      compareDays: 3,
      beforeDays: 3,
      afterDays: 2,
      beforeDailyCost: 2.2,
      afterDailyCost: 2.9,
      change: 0.7 / 2.2,
      flagged: true,
    },
    {
      deploymentId: 'deploy-4698',
      entityRef: 'component:default/checkout',
      environment: 'production',
      finishedAt: '2026-11-17T09:34:00.000Z',
      compareDays: 3,
      beforeDays: 3,
      afterDays: 3,
      beforeDailyCost: 2.4,
      afterDailyCost: 2.45,
      change: 0.05 / 2.4,
      flagged: false,
    },
  ],
};

// The group

const cartTotals = totals({
  containerHours: 1440,
  cpu: [720, 432, 760],
  memoryGib: [1440, 864, 1464],
  cpuCost: 19.76,
  memoryCost: 5.48,
});

export const groupSummary: CostSummary = {
  ...componentSummary,
  entityRef: 'group:default/shop',
  scope: 'group',
  entityRefs: ['component:default/cart', 'component:default/checkout'],
  total: totals({
    containerHours: 3600,
    missingPriceHours: 12,
    cpu: [2160, 1080, 2260],
    memoryGib: [4320, 2880, 4416],
    cpuCost: 79.76,
    memoryCost: 20.24,
  }),
  previous: zeroTotals,
  components: [
    { entityRef: 'component:default/checkout', totals: componentTotal },
    { entityRef: 'component:default/cart', totals: cartTotals },
  ],
};

// The cluster

export const clusterSummary: CostSummary = {
  ...componentSummary,
  entityRef: 'resource:default/prod-eu',
  scope: 'cluster',
  entityRefs: [],
  total: totals({
    containerHours: 10800,
    cpu: [6000, 2700, 5760],
    memoryGib: [20000, 13000, 20160],
    cpuCost: 230.4,
    memoryCost: 100.8,
  }),
  previous: zeroTotals,
  controllers: [],
  namespaces: [
    {
      cluster: 'prod-eu',
      namespace: 'shop',
      totals: totals({
        containerHours: 7200,
        cpu: [4200, 1890, 4250],
        memoryGib: [13000, 8450, 14000],
        cpuCost: 170,
        memoryCost: 70,
      }),
    },
    {
      cluster: 'prod-eu',
      namespace: 'payments',
      totals: totals({
        containerHours: 2880,
        cpu: [1300, 650, 1375],
        memoryGib: [5000, 3500, 5000],
        cpuCost: 55,
        memoryCost: 25,
      }),
    },
    {
      cluster: 'prod-eu',
      namespace: 'kube-system',
      totals: totals({
        containerHours: 720,
        cpu: [100, 50, 135],
        memoryGib: [1000, 700, 1160],
        cpuCost: 5.4,
        memoryCost: 5.8,
      }),
    },
  ],
};

// Empty answers

/** Nothing ever: no dataSince. */
export const neverSummary: CostSummary = {
  ...componentSummary,
  entityRef: 'component:default/new-service',
  entityRefs: ['component:default/new-service'],
  clusters: [],
  total: zeroTotals,
  previous: zeroTotals,
  days: days().map(day => ({
    ...day,
    cpuCost: 0,
    memoryCost: 0,
    cost: 0,
  })),
  controllers: [],
  idle: [],
  dataSince: undefined,
};

/** Data since May, none in this window. */
export const emptyWindowSummary: CostSummary = {
  ...neverSummary,
  entityRef: 'component:default/checkout',
  entityRefs: ['component:default/checkout'],
  dataSince: '2026-05-04T09:00:00.000Z',
};

// The fake API

/** The routes the fake answers, one named handler each (spy on them in tests). */
export interface FakeCostRoutes {
  getCostSummary(query: CostQuery): Promise<CostSummary>;
  getCostPods(query: CostPodsQuery): Promise<CostPods>;
  getCostRecommendations(query: CostQuery): Promise<CostRecommendations>;
  getCostDeployments(query: CostQuery): Promise<CostDeployments>;
  getActivity(query: {
    entityRef: string;
    type?: string;
  }): Promise<EntityActivity>;
}

const handlerOf: Partial<Record<PlatformGetPath, keyof FakeCostRoutes>> = {
  '/cost/summary': 'getCostSummary',
  '/cost/pods': 'getCostPods',
  '/cost/recommendations': 'getCostRecommendations',
  '/cost/deployments': 'getCostDeployments',
  '/activity': 'getActivity',
};

export type FakePlatformApi = PlatformApi & FakeCostRoutes;

const summaries: Record<string, CostSummary> = {
  'component:default/checkout': componentSummary,
  'component:default/new-service': neverSummary,
  'group:default/shop': groupSummary,
  'resource:default/prod-eu': clusterSummary,
};

/**
 * A fake {@link PlatformApi} answering with the fixtures above. `get` looks
 * its handler up at call time, so `jest.spyOn(api, 'getCostPods')` and
 * overrides see every request.
 */
export function createFakePlatformApi(
  overrides: Partial<FakeCostRoutes> = {},
): FakePlatformApi {
  const fake: FakePlatformApi = {
    get: ((path: PlatformGetPath, query?: unknown) => {
      const handler = handlerOf[path];
      if (!handler) {
        return Promise.reject(new Error(`no fake for GET ${path}`));
      }
      return (fake[handler] as (q: unknown) => Promise<unknown>)(query);
    }) as PlatformApi['get'],
    post: ((path: PlatformPostPath) =>
      Promise.reject(
        new Error(`no fake for POST ${path}`),
      )) as PlatformApi['post'],
    getCostSummary: async ({ entityRef }) => {
      const summary = summaries[entityRef];
      if (!summary) throw new Error(`no fixture for ${entityRef}`);
      return summary;
    },
    getCostPods: async () => checkoutPods,
    getCostRecommendations: async () => recommendations,
    getCostDeployments: async () => costDeployments,
    getActivity: async ({ entityRef }) => ({
      entityRef,
      entityRefs: [entityRef],
      linkedEvents: 0,
      firstOccurredAt: null,
      lastOccurredAt: null,
    }),
    ...overrides,
  };
  return fake;
}
