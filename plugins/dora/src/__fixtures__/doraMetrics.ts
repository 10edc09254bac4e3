import { Entity } from '@backstage/catalog-model';
import {
  DoraChangesResponse,
  DoraDeploymentsResponse,
  DoraEnvironmentsResponse,
  DoraGroupResponse,
  DoraIncidentsResponse,
  DoraMetricsResponse,
  DoraOptions,
  DoraSummary,
  EntityActivity,
} from '@goldenpath/plugin-platform-common';
import {
  DoraQuery,
  PlatformApi,
  PlatformGetPath,
  PlatformPostPath,
  ResponseOf,
} from '@goldenpath/plugin-platform-react';

type CostDeploymentsResponse = ResponseOf<'/cost/deployments', 'get'>;
type CanaryIncidentsResponse = ResponseOf<'/canary/incidents', 'get'>;

/**
 * A believable quarter of a payments service, used by the dev app and the
 * tests. No people: the events carry none.
 */

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    title: 'Payments API',
    annotations: { 'github.com/project-slug': 'acme/payments-api' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
};

export const componentWithoutSlug: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy-batch', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
};

/** A Component that has the annotation but no events yet. */
export const newComponentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'new-service',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/new-service' },
  },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/payments',
  },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

const options: DoraOptions = {
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  environment: 'production',
  leadTimeStart: 'commit',
  excludeWeekends: false,
  tierModel: '2024',
};

const summary: DoraSummary = {
  deploymentFrequency: {
    deployments: 31,
    perWeek: 2.41,
    perDay: 0.34,
    medianDeploymentDaysPerWeek: 2,
    tier: 'high',
  },
  leadTime: { samples: 118, medianHours: 26.4, p90Hours: 98.4, tier: 'high' },
  changeFailureRate: {
    deployments: 31,
    failed: 4,
    rate: 4 / 31,
    tier: 'medium',
  },
  recoveryTime: { resolved: 3, open: 1, medianHours: 2.5, tier: 'high' },
  reworkRate: { deployments: 31, rework: 2, rate: 2 / 31 },
};

const previous: DoraSummary = {
  deploymentFrequency: {
    deployments: 24,
    perWeek: 1.87,
    perDay: 0.27,
    medianDeploymentDaysPerWeek: 2,
    tier: 'high',
  },
  leadTime: { samples: 87, medianHours: 41, p90Hours: 150.5, tier: 'high' },
  changeFailureRate: {
    deployments: 24,
    failed: 3,
    rate: 3 / 24,
    tier: 'medium',
  },
  recoveryTime: { resolved: 2, open: 0, medianHours: 5.1, tier: 'high' },
  reworkRate: { deployments: 24, rework: 3, rate: 3 / 24 },
};

const weeklyDeployments = [1, 2, 2, 3, 1, 2, 3, 3, 2, 4, 3, 2, 3];
const weeklyLeadTime = [48, 40.5, 35, 30, 52, 28, 26, 22.5, 30, 20, 24, 26, 21];
const weeklyFailureRate = [0, 0.5, 0, 0.33, 0, 0, 0.33, 0, 0, 0.25, 0, 0, 0];
const weeklyRecovery = [
  null,
  1.5,
  null,
  6.2,
  null,
  null,
  2.5,
  null,
  null,
  0.8,
  null,
  null,
  null,
];

export const doraMetrics: DoraMetricsResponse = {
  entityRef: 'component:default/payments-api',
  entityRefs: ['component:default/payments-api'],
  options,
  ...summary,
  previous,
  weekly: weeklyDeployments.map((deployments, i) => ({
    weekStart: new Date(Date.UTC(2026, 7, 24 + i * 7)).toISOString(),
    deployments,
    deploymentDays: Math.min(deployments, 3),
    leadTimeMedianHours: weeklyLeadTime[i],
    changeFailureRate: weeklyFailureRate[i],
    recoveryMedianHours: weeklyRecovery[i],
  })),
  prSizeVsMergeTime: [
    {
      label: '1–10',
      minLines: 1,
      maxLines: 10,
      changes: 14,
      medianHoursToMerge: 1.8,
    },
    {
      label: '11–50',
      minLines: 11,
      maxLines: 50,
      changes: 19,
      medianHoursToMerge: 4.5,
    },
    {
      label: '51–200',
      minLines: 51,
      maxLines: 200,
      changes: 12,
      medianHoursToMerge: 13.2,
    },
    {
      label: '201–1000',
      minLines: 201,
      maxLines: 1000,
      changes: 6,
      medianHoursToMerge: 38.5,
    },
    {
      label: '1000+',
      minLines: 1001,
      maxLines: null,
      changes: 1,
      medianHoursToMerge: 96,
    },
  ],
  inputs: { deployments: 31, changes: 52, incidents: 4, failedRuns: 3 },
};

export const emptyDoraMetrics: DoraMetricsResponse = {
  ...doraMetrics,
  deploymentFrequency: {
    deployments: 0,
    perWeek: 0,
    perDay: 0,
    medianDeploymentDaysPerWeek: 0,
    tier: null,
  },
  leadTime: { samples: 0, medianHours: null, p90Hours: null, tier: null },
  changeFailureRate: { deployments: 0, failed: 0, rate: null, tier: null },
  recoveryTime: { resolved: 0, open: 0, medianHours: null, tier: null },
  reworkRate: { deployments: 0, rework: 0, rate: null },
  weekly: [],
  prSizeVsMergeTime: [],
  inputs: { deployments: 0, changes: 0, incidents: 0, failedRuns: 0 },
};

export const doraDeployments: DoraDeploymentsResponse = {
  items: [
    {
      deploymentId: 'deploy-4711',
      entityRef: 'component:default/payments-api',
      environment: 'production',
      sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      status: 'success',
      startedAt: '2026-11-20T10:00:00.000Z',
      finishedAt: '2026-11-20T10:05:00.000Z',
      changeShas: [],
      rollback: false,
      url: 'https://argocd.example.com/applications/payments-api?revision=9fceb02',
      countsAsDeployment: true,
      shippedShas: [
        '9fceb02d0ae598e95dc970b74767f19372d61af8',
        '3a1b2c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
        '77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd',
      ],
      failed: true,
      incidentIds: ['INC-208'],
    },
    {
      deploymentId: 'deploy-4702',
      entityRef: 'component:default/payments-api',
      environment: 'production',
      sha: 'c0ffee0d0ae598e95dc970b74767f19372d61af8',
      status: 'failure',
      startedAt: '2026-11-18T15:00:00.000Z',
      finishedAt: '2026-11-18T15:09:00.000Z',
      changeShas: [],
      rollback: false,
      countsAsDeployment: false,
      shippedShas: [],
      failed: false,
      incidentIds: [],
    },
    {
      deploymentId: 'deploy-4698',
      entityRef: 'component:default/payments-api',
      environment: 'production',
      sha: 'deadbeef1ae598e95dc970b74767f19372d61af8',
      status: 'success',
      startedAt: '2026-11-17T09:30:00.000Z',
      finishedAt: '2026-11-17T09:34:00.000Z',
      changeShas: ['deadbeef1ae598e95dc970b74767f19372d61af8'],
      rollback: false,
      rework: 'hotfix',
      url: 'https://argocd.example.com/applications/payments-api?revision=deadbee',
      countsAsDeployment: true,
      shippedShas: ['deadbeef1ae598e95dc970b74767f19372d61af8'],
      failed: false,
      incidentIds: [],
    },
  ],
};

export const doraChanges: DoraChangesResponse = {
  items: [
    {
      entityRef: 'component:default/payments-api',
      repository: 'acme/payments-api',
      prNumber: 412,
      mergeSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      openedAt: '2026-11-19T08:00:00.000Z',
      mergedAt: '2026-11-19T14:30:00.000Z',
      additions: 120,
      deletions: 34,
      commits: [
        {
          sha: '3a1b2c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
          committedAt: '2026-11-18T16:00:00.000Z',
        },
        {
          sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
          committedAt: '2026-11-19T13:00:00.000Z',
        },
      ],
      labels: ['feature'],
      url: 'https://github.com/acme/payments-api/pull/412',
      deploymentId: 'deploy-4711',
      deployedAt: '2026-11-20T10:05:00.000Z',
      leadTimeHours: 30.6,
      hoursToMerge: 6.5,
    },
    {
      entityRef: 'component:default/payments-api',
      repository: 'acme/payments-api',
      prNumber: 415,
      mergeSha: 'aabbccdd0ae598e95dc970b74767f19372d61af8',
      openedAt: '2026-11-21T09:00:00.000Z',
      mergedAt: '2026-11-21T09:40:00.000Z',
      additions: 4,
      deletions: 2,
      commits: [
        {
          sha: 'aabbccdd0ae598e95dc970b74767f19372d61af8',
          committedAt: '2026-11-21T08:55:00.000Z',
        },
      ],
      labels: ['chore', 'deps, minor'],
      url: 'https://github.com/acme/payments-api/pull/415',
      deploymentId: null,
      deployedAt: null,
      leadTimeHours: null,
      hoursToMerge: 0.67,
    },
  ],
};

export const doraIncidents: DoraIncidentsResponse = {
  items: [
    {
      incidentId: 'INC-208',
      entityRef: 'component:default/payments-api',
      severity: 'SEV2',
      openedAt: '2026-11-20T10:20:00.000Z',
      resolvedAt: '2026-11-20T12:35:00.000Z',
      causedByDeploymentId: 'deploy-4711',
      url: 'https://incidents.example.com/INC-208',
      recoveryHours: 2.5,
      impactStartedAt: '2026-11-20T10:05:00.000Z',
    },
    {
      incidentId: 'INC-214',
      entityRef: 'component:default/payments-api',
      severity: 'SEV3',
      openedAt: '2026-11-22T18:00:00.000Z',
      recoveryHours: null,
      impactStartedAt: '2026-11-22T18:00:00.000Z',
    },
  ],
};

const ledger: DoraSummary = {
  deploymentFrequency: {
    deployments: 8,
    perWeek: 0.62,
    perDay: 0.09,
    medianDeploymentDaysPerWeek: 0,
    tier: 'medium',
  },
  leadTime: { samples: 40, medianHours: 190, p90Hours: 420, tier: 'medium' },
  changeFailureRate: { deployments: 8, failed: 2, rate: 0.25, tier: 'low' },
  recoveryTime: { resolved: 2, open: 0, medianHours: 30, tier: 'medium' },
  reworkRate: { deployments: 8, rework: 1, rate: 0.125 },
};

const checkout: DoraSummary = {
  deploymentFrequency: {
    deployments: 64,
    perWeek: 4.98,
    perDay: 0.71,
    medianDeploymentDaysPerWeek: 5,
    tier: 'elite',
  },
  leadTime: { samples: 210, medianHours: 9.5, p90Hours: 30, tier: 'elite' },
  changeFailureRate: {
    deployments: 64,
    failed: 2,
    rate: 2 / 64,
    tier: 'elite',
  },
  recoveryTime: { resolved: 2, open: 0, medianHours: 0.6, tier: 'elite' },
  reworkRate: { deployments: 64, rework: 1, rate: 1 / 64 },
};

export const doraGroup: DoraGroupResponse = {
  groupRef: 'group:default/payments',
  options,
  summary: {
    deploymentFrequency: {
      deployments: 103,
      perWeek: 8.01,
      perDay: 1.14,
      medianDeploymentDaysPerWeek: 5,
      tier: 'elite',
    },
    leadTime: { samples: 368, medianHours: 18.2, p90Hours: 160, tier: 'elite' },
    changeFailureRate: {
      deployments: 103,
      failed: 8,
      rate: 8 / 103,
      tier: 'high',
    },
    recoveryTime: { resolved: 7, open: 1, medianHours: 2.5, tier: 'high' },
    reworkRate: { deployments: 103, rework: 4, rate: 4 / 103 },
  },
  previous,
  components: [
    { entityRef: 'component:default/payments-api', ...summary },
    { entityRef: 'component:default/checkout-web', ...checkout },
    { entityRef: 'component:default/ledger', ...ledger },
  ],
};

/**
 * What the Cost feature says of two of the deployments: deploy-4711 raised
 * the daily cost by 32 % (flagged above 20 %), deploy-4698 by 2 %.
 */
export const costOfDeployments: CostDeploymentsResponse = {
  currency: { code: 'USD', rate: 1 },
  raiseThreshold: 0.2,
  compareDays: 3,
  items: [
    {
      deploymentId: 'deploy-4711',
      entityRef: 'component:default/payments-api',
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
      entityRef: 'component:default/payments-api',
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

/**
 * What the canary feature says of payments-api's clusters: ingress-http was
 * failing in prod-eu from 09:55 to 10:30 on Nov 20 (deploy-4711 finished at
 * 10:05 and INC-208 opened at 10:20, both inside), dns-resolve in prod-us
 * from 15:12 to 15:40 on Nov 18 (deploy-4702 failed at 15:09, just before).
 */
export const canaryIncidentsOfPayments: CanaryIncidentsResponse = {
  entityRef: 'component:default/payments-api',
  window: { from: '2026-08-25T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
  components: [
    {
      entityRef: 'component:default/payments-api',
      clusters: ['prod-eu', 'prod-us'],
      clusterSource: 'annotation',
    },
  ],
  checks: [
    {
      cluster: 'prod-eu',
      check: 'ingress-http',
      capability: 'ingress',
      transitions: [
        {
          at: '2026-11-20T10:03:00.000Z',
          from: 'up',
          to: 'down',
          streakStartedAt: '2026-11-20T09:55:00.000Z',
          flapping: false,
        },
        {
          at: '2026-11-20T10:35:00.000Z',
          from: 'down',
          to: 'up',
          streakStartedAt: '2026-11-20T10:30:00.000Z',
          flapping: false,
        },
      ],
    },
    {
      cluster: 'prod-us',
      check: 'dns-resolve',
      capability: 'dns',
      transitions: [
        {
          at: '2026-11-18T15:20:00.000Z',
          from: 'up',
          to: 'down',
          streakStartedAt: '2026-11-18T15:12:00.000Z',
          flapping: false,
        },
        {
          at: '2026-11-18T15:45:00.000Z',
          from: 'down',
          to: 'up',
          streakStartedAt: '2026-11-18T15:40:00.000Z',
          flapping: false,
        },
      ],
    },
  ],
  periods: [
    {
      cluster: 'prod-eu',
      check: 'ingress-http',
      capability: 'ingress',
      from: '2026-11-20T09:55:00.000Z',
      to: '2026-11-20T10:30:00.000Z',
    },
    {
      cluster: 'prod-us',
      check: 'dns-resolve',
      capability: 'dns',
      from: '2026-11-18T15:12:00.000Z',
      to: '2026-11-18T15:40:00.000Z',
    },
  ],
};

export const doraEnvironments: DoraEnvironmentsResponse = {
  environments: ['production', 'staging'],
};

/** The routes the fake answers, one named handler each (spy on them in tests). */
export interface FakePlatformRoutes {
  getDoraMetrics(query: DoraQuery): Promise<DoraMetricsResponse>;
  getDoraDeployments(query: DoraQuery): Promise<DoraDeploymentsResponse>;
  getDoraChanges(query: DoraQuery): Promise<DoraChangesResponse>;
  getDoraIncidents(query: DoraQuery): Promise<DoraIncidentsResponse>;
  getDoraGroup(query: DoraQuery): Promise<DoraGroupResponse>;
  getDoraEnvironments(query: {
    entityRef: string;
  }): Promise<DoraEnvironmentsResponse>;
  getActivity(query: { entityRef: string }): Promise<EntityActivity>;
  /** The Cost feature; by default it is not installed (a 404). */
  getCostDeployments(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<CostDeploymentsResponse>;
  /** The canary feature; by default it is not installed (a 404). */
  getCanaryIncidents(query: {
    entityRef: string;
    from?: string;
    to?: string;
  }): Promise<CanaryIncidentsResponse>;
}

const handlerOf: Partial<Record<PlatformGetPath, keyof FakePlatformRoutes>> = {
  '/dora/metrics': 'getDoraMetrics',
  '/dora/deployments': 'getDoraDeployments',
  '/dora/changes': 'getDoraChanges',
  '/dora/incidents': 'getDoraIncidents',
  '/dora/group': 'getDoraGroup',
  '/dora/environments': 'getDoraEnvironments',
  '/activity': 'getActivity',
  '/cost/deployments': 'getCostDeployments',
  '/canary/incidents': 'getCanaryIncidents',
};

/** A {@link PlatformApi} whose routes are the named handlers. */
export type FakePlatformApi = PlatformApi & FakePlatformRoutes;

/**
 * A fake {@link PlatformApi} answering with the fixtures above. `get` looks
 * its handler up at call time, so `jest.spyOn(api, 'getDoraMetrics')` and
 * overrides see every request.
 */
export function createFakePlatformApi(
  overrides: Partial<FakePlatformRoutes> = {},
): FakePlatformApi {
  const isGroup = (query: DoraQuery) => query.entityRef.startsWith('group:');
  const isNew = (entityRef: string) =>
    entityRef === 'component:default/new-service';
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
    getDoraMetrics: async query => {
      if (isNew(query.entityRef)) {
        return { ...emptyDoraMetrics, entityRef: query.entityRef };
      }
      return isGroup(query)
        ? {
            ...doraMetrics,
            entityRef: query.entityRef,
            entityRefs: doraGroup.components.map(c => c.entityRef),
          }
        : doraMetrics;
    },
    getDoraDeployments: async () => doraDeployments,
    getDoraChanges: async () => doraChanges,
    getDoraIncidents: async () => doraIncidents,
    getDoraGroup: async query => ({ ...doraGroup, groupRef: query.entityRef }),
    getDoraEnvironments: async () => doraEnvironments,
    getActivity: async ({ entityRef }) =>
      isNew(entityRef)
        ? {
            entityRef,
            entityRefs: [entityRef],
            linkedEvents: 0,
            firstOccurredAt: null,
            lastOccurredAt: null,
          }
        : {
            entityRef,
            entityRefs: entityRef.startsWith('group:')
              ? doraGroup.components.map(c => c.entityRef)
              : [entityRef],
            linkedEvents: 412,
            firstOccurredAt: '2026-05-04T09:12:00.000Z',
            lastOccurredAt: '2026-11-22T18:00:00.000Z',
          },
    getCostDeployments: async () => {
      throw new Error('Request failed with 404 Not Found');
    },
    getCanaryIncidents: async () => {
      throw new Error('Request failed with 404 Not Found');
    },
    ...overrides,
  };
  return fake;
}
