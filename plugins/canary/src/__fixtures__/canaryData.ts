import { Entity } from '@backstage/catalog-model';
import {
  CanaryCapability,
  CanaryOutcome,
} from '@goldenpath/plugin-platform-common';
import {
  PlatformApi,
  PlatformGetPath,
  PlatformPostPath,
} from '@goldenpath/plugin-platform-react';
import {
  CanaryMatrixRow,
  CanaryRollouts,
  CanaryRunNow,
  CanaryRuns,
  CanaryRunsQuery,
  CanaryStatus,
  CanaryStatusCheck,
  CanaryStatusQuery,
  RUN_NOW_PATH,
} from '../api/types';

/**
 * Hand-built answers of the canary endpoints, shaped by the spec: a checkout
 * service running in prod-eu and prod-us, read at 10:00 UTC on Nov 20, 2026.
 * In prod-eu ingress-http is down (4 failures in a row, and down in another
 * cluster too: platform-wide) and prometheus-remote-write flaps; in prod-us
 * the deploy check is stale, the certificate check in maintenance and the
 * metrics check has only errors. Its rollout is paused at step 3 of 8.
 */

export const NOW = '2026-11-20T10:00:00.000Z';
const MINUTE_MS = 60_000;

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

export const labelSelectorComponent: Entity = {
  ...componentEntity,
  metadata: {
    name: 'cart',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-label-selector': 'app=cart' },
  },
};

/** Annotated, but the backend has seen it in no cluster yet. */
export const newComponentEntity: Entity = {
  ...componentEntity,
  metadata: {
    name: 'new-service',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-namespace': 'new-service' },
  },
};

/** Names its cluster outright; no check runs there. */
export const uncheckedComponentEntity: Entity = {
  ...componentEntity,
  metadata: {
    name: 'search',
    namespace: 'default',
    annotations: { 'goldenpath.dev/clusters': 'prod-ap' },
  },
};

export const componentWithoutAnnotation: Entity = {
  ...componentEntity,
  metadata: {
    name: 'legacy-batch',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/legacy-batch' },
  },
};

export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod-eu', namespace: 'default', title: 'Production EU' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

export const databaseEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'default' },
  spec: { type: 'database', owner: 'group:default/shop' },
};

// Checks

/** `p` pass, `f` fail, `t` timeout, `e` error; one run every `intervalMs`, the last ending at `lastAt`. */
function recentRuns(
  pattern: string,
  lastAt: string,
  intervalMs: number,
  durationMs = 200,
): CanaryStatusCheck['recent'] {
  const outcomes: Record<string, CanaryOutcome> = {
    p: 'pass',
    f: 'fail',
    t: 'timeout',
    e: 'error',
  };
  const last = Date.parse(lastAt);
  return [...pattern].map((letter, index) => ({
    startedAt: new Date(
      last - (pattern.length - 1 - index) * intervalMs,
    ).toISOString(),
    outcome: outcomes[letter],
    durationMs: letter === 't' ? 5000 : durationMs + (index % 3) * 20,
  }));
}

interface CheckInput {
  cluster: string;
  check: string;
  capability: CanaryCapability;
  display?: CanaryStatusCheck['display'];
  state?: CanaryStatusCheck['state'];
  /** passes, failures, errors, maintenance runs in the window. */
  counts: [number, number, number, number];
  pattern: string;
  lastRunAt?: string;
  intervalMinutes?: number;
  p95?: number | null;
  overrides?: Partial<CanaryStatusCheck>;
}

function check(input: CheckInput): CanaryStatusCheck {
  const intervalMs = (input.intervalMinutes ?? 5) * MINUTE_MS;
  const lastRunAt = input.lastRunAt ?? '2026-11-20T09:57:00.000Z';
  const [passes, failures, errors, maintenanceRuns] = input.counts;
  const recent = recentRuns(input.pattern, lastRunAt, intervalMs);
  const tail = [...input.pattern].reverse();
  const streak = (letters: string) => {
    let count = 0;
    for (const letter of tail) {
      if (letter === 'e') continue;
      if (!letters.includes(letter)) break;
      count++;
    }
    return count;
  };
  const lastResult = [...recent].reverse().find(r => r.outcome !== 'error');
  const state = input.state ?? 'up';
  return {
    cluster: input.cluster,
    check: input.check,
    capability: input.capability,
    state,
    display: input.display ?? state,
    ...(state !== 'unknown' ? { since: '2026-11-18T06:00:00.000Z' } : {}),
    stale: input.display === 'stale',
    flapping: input.display === 'flapping',
    flapPercent: 0,
    inMaintenance: input.display === 'maintenance',
    consecutiveFailures: streak('ft'),
    consecutivePasses: streak('p'),
    intervalMs,
    lastRunAt,
    lastOutcome: recent[recent.length - 1].outcome,
    ...(lastResult ? { lastResultAt: lastResult.startedAt } : {}),
    platformWide: false,
    stats: {
      runs: passes + failures + errors + maintenanceRuns,
      passes,
      failures,
      errors,
      maintenanceRuns,
      uptime: passes + failures > 0 ? passes / (passes + failures) : null,
      p95DurationMs: input.p95 === undefined ? 260 : input.p95,
    },
    recent,
    ...input.overrides,
  };
}

const passes30 = 'p'.repeat(30);

export const euIngressHttp = check({
  cluster: 'prod-eu',
  check: 'ingress-http',
  capability: 'ingress',
  state: 'down',
  counts: [270, 16, 2, 0],
  pattern: `${'p'.repeat(24)}epffff`,
  p95: 2400,
  overrides: { since: '2026-11-20T09:47:00.000Z', platformWide: true },
});

export const euRemoteWrite = check({
  cluster: 'prod-eu',
  check: 'prometheus-remote-write',
  capability: 'metrics',
  display: 'flapping',
  counts: [200, 88, 0, 0],
  pattern: `${'p'.repeat(10)}${'pf'.repeat(10)}`,
  overrides: { flapPercent: 55.26 },
});

export const usDeployStale = check({
  cluster: 'prod-us',
  check: 'deploy-canary-app',
  capability: 'deploy',
  display: 'stale',
  counts: [90, 0, 0, 0],
  pattern: passes30,
  lastRunAt: '2026-11-20T09:35:00.000Z',
});

const euChecks: CanaryStatusCheck[] = [
  check({
    cluster: 'prod-eu',
    check: 'deploy-canary-app',
    capability: 'deploy',
    counts: [96, 0, 0, 0],
    pattern: passes30,
    intervalMinutes: 15,
  }),
  check({
    cluster: 'prod-eu',
    check: 'dns-resolve',
    capability: 'dns',
    counts: [288, 0, 0, 0],
    pattern: passes30,
  }),
  check({
    cluster: 'prod-eu',
    check: 'ingress-grpc',
    capability: 'ingress',
    counts: [288, 0, 0, 0],
    pattern: passes30,
  }),
  euIngressHttp,
  check({
    cluster: 'prod-eu',
    check: 'tls-expiry',
    capability: 'certificates',
    counts: [24, 0, 0, 0],
    pattern: 'p'.repeat(24),
    intervalMinutes: 60,
  }),
  euRemoteWrite,
  check({
    cluster: 'prod-eu',
    check: 'prometheus-scrape',
    capability: 'metrics',
    counts: [288, 0, 0, 0],
    pattern: passes30,
  }),
];

const usChecks: CanaryStatusCheck[] = [
  usDeployStale,
  check({
    cluster: 'prod-us',
    check: 'dns-resolve',
    capability: 'dns',
    counts: [288, 0, 0, 0],
    pattern: passes30,
  }),
  check({
    cluster: 'prod-us',
    check: 'ingress-http',
    capability: 'ingress',
    counts: [287, 1, 0, 0],
    pattern: `${'p'.repeat(20)}f${'p'.repeat(9)}`,
  }),
  check({
    cluster: 'prod-us',
    check: 'tls-expiry',
    capability: 'certificates',
    display: 'maintenance',
    counts: [20, 0, 0, 4],
    pattern: 'p'.repeat(24),
    intervalMinutes: 60,
  }),
  check({
    cluster: 'prod-us',
    check: 'prometheus-scrape',
    capability: 'metrics',
    state: 'unknown',
    counts: [0, 0, 12, 0],
    pattern: 'e'.repeat(12),
    p95: null,
  }),
  check({
    cluster: 'prod-us',
    check: 'log-shipping',
    capability: 'logs',
    counts: [288, 0, 0, 0],
    pattern: passes30,
  }),
];

const CAPABILITIES: CanaryCapability[] = [
  'deploy',
  'dns',
  'ingress',
  'certificates',
  'metrics',
  'logs',
];

const WORST: CanaryStatusCheck['display'][] = [
  'down',
  'stale',
  'flapping',
  'unknown',
  'maintenance',
  'up',
];

function matrixRow(
  cluster: string,
  checks: CanaryStatusCheck[],
  clusterEntityRef?: string,
): CanaryMatrixRow {
  return {
    cluster,
    ...(clusterEntityRef ? { clusterEntityRef } : {}),
    cells: CAPABILITIES.map(capability => {
      const own = checks
        .filter(c => c.capability === capability)
        .sort((a, b) => (a.check < b.check ? -1 : 1));
      const display =
        own.length === 0
          ? 'unknown'
          : WORST.find(d => own.some(c => c.display === d))!;
      return { capability, display, checks: own };
    }),
  };
}

const thresholds: CanaryStatus['thresholds'] = {
  downAfter: 3,
  upAfter: 2,
  flapEnterPercent: 50,
  flapExitPercent: 25,
  platformWideMinClusters: 2,
  criticalCapabilities: ['deploy', 'ingress'],
};

const window24h: CanaryStatus['window'] = {
  key: '24h',
  from: '2026-11-19T10:00:00.000Z',
  to: '2026-11-20T11:00:00.000Z',
};

const platformWide: CanaryStatus['platformWide'] = [
  {
    check: 'ingress-http',
    capability: 'ingress',
    clustersDown: ['prod-eu', 'staging-eu'],
    clustersRunning: 5,
  },
];

export const componentStatus: CanaryStatus = {
  entityRef: 'component:default/checkout',
  scope: 'component',
  generatedAt: NOW,
  window: window24h,
  clusters: ['prod-eu', 'prod-us'],
  clusterSource: 'events',
  capabilities: CAPABILITIES,
  verdict: {
    verdict: 'degraded',
    reasons: [euIngressHttp, euRemoteWrite, usDeployStale].map(c => ({
      cluster: c.cluster,
      check: c.check,
      capability: c.capability,
      display: c.display,
    })),
    downCapabilities: [],
    latestRunAt: '2026-11-20T09:57:00.000Z',
    checks: 12,
  },
  matrix: [
    matrixRow('prod-eu', euChecks, 'resource:default/prod-eu'),
    matrixRow('prod-us', usChecks),
  ],
  failing: [
    {
      cluster: 'prod-eu',
      check: 'ingress-http',
      capability: 'ingress',
      since: '2026-11-20T09:47:00.000Z',
      consecutiveFailures: 4,
      stale: false,
      platformWide: true,
    },
  ],
  uncoveredClusters: [],
  platformWide,
  maintenance: [
    {
      clusters: ['prod-us'],
      capabilities: ['certificates'],
      from: '2026-11-20T09:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
    },
  ],
  thresholds,
};

export const clusterStatus: CanaryStatus = {
  ...componentStatus,
  entityRef: 'resource:default/prod-eu',
  scope: 'cluster',
  clusters: ['prod-eu'],
  clusterSource: 'resource',
  verdict: {
    ...componentStatus.verdict,
    reasons: componentStatus.verdict.reasons.filter(
      r => r.cluster === 'prod-eu',
    ),
    checks: euChecks.length,
  },
  matrix: [matrixRow('prod-eu', euChecks, 'resource:default/prod-eu')],
  maintenance: [],
};

/** A component the backend has seen in no cluster. */
export const noClustersStatus: CanaryStatus = {
  ...componentStatus,
  entityRef: 'component:default/new-service',
  clusters: [],
  clusterSource: 'none',
  verdict: { verdict: 'unknown', reasons: [], downCapabilities: [], checks: 0 },
  matrix: [],
  failing: [],
  uncoveredClusters: [],
  maintenance: [],
};

/** A component whose one cluster runs no check. */
export const noChecksStatus: CanaryStatus = {
  ...noClustersStatus,
  entityRef: 'component:default/search',
  clusters: ['prod-ap'],
  clusterSource: 'annotation',
  matrix: [matrixRow('prod-ap', [])],
  uncoveredClusters: ['prod-ap'],
};

// The drawer

export const ingressRuns: CanaryRuns = {
  entityRef: 'component:default/checkout',
  cluster: 'prod-eu',
  check: 'ingress-http',
  capability: 'ingress',
  more: false,
  runs: [
    {
      startedAt: '2026-11-20T09:57:00.000Z',
      capability: 'ingress',
      outcome: 'timeout',
      durationMs: 5000,
      errors: [
        'GET https://canary.prod-eu.example.com/healthz: no answer in 5 s',
      ],
      logTail: [
        'dial tcp 10.0.4.17:443: i/o timeout',
        'retrying in 1s (attempt 2 of 2)',
      ],
      trigger: 'schedule',
      source: 'canary-runner',
    },
    {
      startedAt: '2026-11-20T09:52:00.000Z',
      capability: 'ingress',
      outcome: 'fail',
      durationMs: 1210,
      errors: [
        'GET https://canary.prod-eu.example.com/healthz: 503 Service Unavailable',
      ],
      logTail: ['upstream connect error or disconnect/reset before headers'],
      trigger: 'schedule',
      source: 'canary-runner',
    },
    {
      startedAt: '2026-11-20T09:47:00.000Z',
      capability: 'ingress',
      outcome: 'fail',
      durationMs: 1180,
      errors: [
        'GET https://canary.prod-eu.example.com/healthz: 503 Service Unavailable',
      ],
      trigger: 'manual',
      source: 'canary-runner',
    },
    {
      startedAt: '2026-11-20T09:42:00.000Z',
      capability: 'ingress',
      outcome: 'pass',
      durationMs: 240,
      errors: [],
      trigger: 'schedule',
      source: 'canary-runner',
    },
    {
      startedAt: '2026-11-20T09:37:00.000Z',
      capability: 'ingress',
      outcome: 'error',
      durationMs: 12,
      errors: ['runner: TLS client certificate not readable'],
      trigger: 'schedule',
      source: 'canary-runner',
    },
  ],
};

export const runNowAccepted: CanaryRunNow = {
  cluster: 'prod-eu',
  check: 'ingress-http',
  capability: 'ingress',
  status: 'accepted',
};

// Rollouts

export const checkoutRollouts: CanaryRollouts = {
  entityRef: 'component:default/checkout',
  rollouts: [
    {
      entityRef: 'component:default/checkout',
      cluster: 'prod-eu',
      namespace: 'shop',
      name: 'checkout',
      updatedAt: '2026-11-20T09:58:00.000Z',
      strategy: 'canary',
      step: 3,
      totalSteps: 8,
      desiredWeight: 40,
      actualWeight: 35,
      phase: 'Paused',
      pauseReason: 'CanaryPauseStep',
      analysis: {
        name: 'checkout-6f9c-3',
        status: 'Running',
        metrics: [
          {
            name: 'success-rate',
            value: 0.993,
            threshold: 0.99,
            condition: 'result[0] >= 0.99',
            verdict: 'pass',
          },
          {
            name: 'error-rate',
            value: 0.012,
            threshold: 0.01,
            condition: 'result[0] <= 0.01',
            verdict: 'fail',
          },
          { name: 'latency-p99', verdict: 'running' },
        ],
      },
    },
  ],
};

export const noRollouts: CanaryRollouts = {
  entityRef: 'component:default/checkout',
  rollouts: [],
};

// The fake API

/** The routes the fake answers, one named handler each (spy on them in tests). */
export interface FakeCanaryRoutes {
  getCanaryStatus(query: CanaryStatusQuery): Promise<CanaryStatus>;
  getCanaryRuns(query: CanaryRunsQuery): Promise<CanaryRuns>;
  getCanaryRollouts(query: { entityRef: string }): Promise<CanaryRollouts>;
  runCanaryCheck(
    body: unknown,
    pathParams: { cluster: string; check: string },
  ): Promise<CanaryRunNow>;
}

const getHandlers: Partial<Record<PlatformGetPath, keyof FakeCanaryRoutes>> = {
  '/canary/status': 'getCanaryStatus',
  '/canary/runs': 'getCanaryRuns',
  '/canary/rollouts': 'getCanaryRollouts',
};

const postHandlers: Partial<Record<PlatformPostPath, keyof FakeCanaryRoutes>> =
  { [RUN_NOW_PATH]: 'runCanaryCheck' };

export type FakePlatformApi = PlatformApi & FakeCanaryRoutes;

const statuses: Record<string, CanaryStatus> = {
  'component:default/checkout': componentStatus,
  'component:default/cart': componentStatus,
  'component:default/new-service': noClustersStatus,
  'component:default/search': noChecksStatus,
  'resource:default/prod-eu': clusterStatus,
};

/**
 * A fake {@link PlatformApi} answering with the fixtures above. `get` and
 * `post` look their handler up at call time, so `jest.spyOn(api, …)` and
 * overrides see every request.
 */
export function createFakePlatformApi(
  overrides: Partial<FakeCanaryRoutes> = {},
): FakePlatformApi {
  const fake: FakePlatformApi = {
    get: ((path: PlatformGetPath, query?: unknown) => {
      const handler = getHandlers[path];
      if (!handler) {
        return Promise.reject(new Error(`no fake for GET ${path}`));
      }
      return (fake[handler] as (q: unknown) => Promise<unknown>)(query);
    }) as PlatformApi['get'],
    post: ((path: PlatformPostPath, body?: unknown, pathParams?: unknown) => {
      const handler = postHandlers[path];
      if (!handler) {
        return Promise.reject(new Error(`no fake for POST ${path}`));
      }
      return (fake[handler] as (b: unknown, p: unknown) => Promise<unknown>)(
        body,
        pathParams,
      );
    }) as PlatformApi['post'],
    getCanaryStatus: async ({ entityRef, window }) => {
      const status = statuses[entityRef];
      if (!status) throw new Error(`no fixture for ${entityRef}`);
      return window && window !== status.window.key
        ? { ...status, window: { ...status.window, key: window } }
        : status;
    },
    getCanaryRuns: async () => ingressRuns,
    getCanaryRollouts: async ({ entityRef }) =>
      entityRef === 'component:default/checkout'
        ? checkoutRollouts
        : { entityRef, rollouts: [] },
    runCanaryCheck: async () => runNowAccepted,
    ...overrides,
  };
  return fake;
}
