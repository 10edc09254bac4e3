import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { fixture, startFakeApiServer } from '../__testUtils__/fakeApiServer';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { kubernetesComponents } from './components';
import { measurementValue, thresholdOf } from './condition';
import { readClusterRollouts } from './readRollouts';
import { ROLLOUTS_TASK_ID, createRolloutsPoller } from './RolloutsPoller';
import { ROLLOUT_PATHS } from './types';

type Task = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const entities = [
  component('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
  component('search', {
    'backstage.io/kubernetes-id': 'search',
    'backstage.io/kubernetes-namespace': 'search',
  }),
  component('billing', {
    'backstage.io/kubernetes-id': 'billing',
    'goldenpath.dev/clusters': 'prod-eu, prod-us',
  }),
  component('inventory', { 'backstage.io/kubernetes-id': 'inventory' }),
  component('payments-worker', {
    'backstage.io/kubernetes-id': 'payments',
    'backstage.io/kubernetes-label-selector':
      'app.kubernetes.io/component=worker',
    'backstage.io/kubernetes-namespace': 'payments',
  }),
  component('docs', { 'github.com/project-slug': 'acme/docs' }),
  component('elsewhere', {
    'backstage.io/kubernetes-id': 'checkout',
    'goldenpath.dev/clusters': 'prod-ap',
  }),
];

const worker = {
  ...fixture('rollouts/rollouts.json'),
  items: [
    {
      ...fixture('rollouts/rollouts.json').items[3],
      metadata: {
        name: 'payments-worker',
        namespace: 'payments',
        labels: { 'app.kubernetes.io/component': 'worker' },
        creationTimestamp: '2026-06-01T07:12:00Z',
      },
    },
  ],
};

const routes = {
  [ROLLOUT_PATHS.rollouts]: fixture('rollouts/rollouts.json'),
  [`${ROLLOUT_PATHS.namespacedRollouts(
    'payments',
  )}?labelSelector=app.kubernetes.io/component=worker`]: worker,
  [ROLLOUT_PATHS.analysisRun('payments', 'checkout-7d9f8b6c5d-12-2')]: fixture(
    'rollouts/analysisrun-checkout.json',
  ),
  [ROLLOUT_PATHS.analysisRun('search', 'search-api-6c5d4f8b9a-7-1')]: fixture(
    'rollouts/analysisrun-search.json',
  ),
};

describe('analysis conditions', () => {
  it.each([
    ['result[0] >= 0.95', 0.95],
    ['result <= 500', 500],
    ['0.95 <= result[0]', 0.95],
    ['all(result, # < 0.01)', 0.01],
    ['isNaN(result) || result[0] >= 1e-3', 0.001],
    ['len(result) == 0 || result[0] < 1', 1],
    ['result[0] >= 0.9 && result[0] <= 1.1', undefined],
    ['asInt(result) in [200, 204]', undefined],
    ['', undefined],
  ])('%s has threshold %s', (condition, threshold) => {
    expect(thresholdOf(condition)).toBe(threshold);
  });

  it.each([
    ['0.0123', 0.0123],
    ['[0.9871]', 0.9871],
    ['[0.5 0.7]', 0.5],
    ['[]', undefined],
    ['NaN', undefined],
    ['{"status":"ok"}', undefined],
  ])('measurement %s reads as %s', (value, expected) => {
    expect(measurementValue(value)).toBe(expected);
  });
});

describe('Argo Rollouts reader', () => {
  let closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.map(c => c()));
    closers = [];
  });

  async function read(
    cluster = 'prod-eu',
    extra: Record<string, unknown> = {},
  ) {
    const server = await startFakeApiServer({ ...routes, ...extra });
    closers.push(server.close);
    const result = await readClusterRollouts({
      api: new KubernetesApi(server.cluster(cluster), 5_000),
      components: kubernetesComponents(entities),
      now: () => Date.parse('2026-11-29T10:00:00Z'),
    });
    return { ...result, server };
  }

  it('maps a canary mid-analysis: step, desired and actual weight, metrics with values and thresholds', async () => {
    const { events, problems } = await read();
    expect(problems).toEqual([]);
    const checkout = events.find(
      e => e.entityRef === 'component:default/checkout',
    )!;
    expect(checkout).toMatchObject({
      source: 'argo-rollouts/prod-eu',
      type: 'rollout.updated',
      subject: { kind: 'entity', name: 'component:default/checkout' },
      occurredAt: '2026-11-29T09:54:32.000Z',
    });
    expect(checkout.id).toMatch(/^prod-eu\/payments\/checkout\/[0-9a-f]{16}$/);
    expect(checkout.data).toEqual({
      cluster: 'prod-eu',
      namespace: 'payments',
      name: 'checkout',
      strategy: 'canary',
      step: 2,
      totalSteps: 7,
      desiredWeight: 10,
      actualWeight: 10,
      phase: 'Progressing',
      analysis: {
        name: 'checkout-7d9f8b6c5d-12-2',
        status: 'Running',
        metrics: [
          {
            name: 'success-rate',
            value: 0.9871,
            threshold: 0.95,
            condition: 'result[0] >= 0.95',
            verdict: 'running',
          },
          {
            name: 'latency-p99',
            value: 412.7,
            threshold: 500,
            condition: 'result[0] <= 500',
            verdict: 'running',
          },
          {
            name: 'panics',
            threshold: 1,
            condition: 'len(result) == 0 || result[0] < 1',
            verdict: 'pass',
          },
        ],
      },
    });
  });

  it('maps an abort, a blue-green waiting for promotion and a finished rollout', async () => {
    const { events } = await read();
    const byRef = Object.fromEntries(events.map(e => [e.entityRef, e.data]));
    expect(byRef['component:default/search']).toEqual({
      cluster: 'prod-eu',
      namespace: 'search',
      name: 'search-api',
      strategy: 'canary',
      step: 0,
      totalSteps: 4,
      desiredWeight: 0,
      actualWeight: 0,
      phase: 'Aborted',
      message:
        'RolloutAborted: Rollout aborted update to revision 7: Metric "error-rate" assessed Failed due to failed (3) > failureLimit (2)',
      analysis: {
        name: 'search-api-6c5d4f8b9a-7-1',
        status: 'Failed',
        metrics: [
          {
            name: 'error-rate',
            value: 0.0712,
            threshold: 0.01,
            condition: 'result[0] <= 0.01',
            verdict: 'fail',
          },
        ],
      },
    });
    expect(byRef['component:default/billing']).toEqual({
      cluster: 'prod-eu',
      namespace: 'billing',
      name: 'billing',
      strategy: 'blueGreen',
      step: 0,
      desiredWeight: 100,
      actualWeight: 0,
      phase: 'Paused',
      pauseReason: 'BlueGreenPause',
      message: 'BlueGreenPause',
    });
    expect(byRef['component:default/inventory']).toMatchObject({
      step: 4,
      totalSteps: 4,
      desiredWeight: 100,
      actualWeight: 100,
      phase: 'Healthy',
    });
    expect(byRef['component:default/inventory']).not.toHaveProperty('analysis');
  });

  it('finds Rollouts by kubernetes-id (one list) or label selector, within the namespace and clusters annotated', async () => {
    const { events, server } = await read();
    expect(
      events
        .map(e => `${e.entityRef} ${e.data.namespace}/${e.data.name}`)
        .sort(),
    ).toEqual([
      'component:default/billing billing/billing',
      'component:default/checkout payments/checkout',
      'component:default/inventory inventory/inventory',
      'component:default/payments-worker payments/payments-worker',
      'component:default/search search/search-api',
    ]);
    const lists = server.requests.filter(r => r.path.endsWith('/rollouts'));
    expect(
      lists.map(r => `${r.path} ${r.query.get('labelSelector') ?? ''}`),
    ).toEqual([
      '/apis/argoproj.io/v1alpha1/rollouts ',
      '/apis/argoproj.io/v1alpha1/namespaces/payments/rollouts app.kubernetes.io/component=worker',
    ]);

    // in prod-ap only "elsewhere" (kubernetes-id checkout) and unannotated components run
    const ap = await read('prod-ap');
    expect(ap.events.map(e => e.entityRef).sort()).toEqual([
      'component:default/checkout',
      'component:default/elsewhere',
      'component:default/inventory',
      'component:default/payments-worker',
      'component:default/search',
    ]);
  });

  it('maps the same status to the same event, and a change to a new one', async () => {
    const first = await read();
    const again = await read();
    expect(again.events.map(e => e.id)).toEqual(first.events.map(e => e.id));
    const moved = fixture('rollouts/rollouts.json');
    moved.items[0].status.currentStepIndex = 3;
    moved.items[0].status.canary.weights.canary.weight = 40;
    const changed = await read('prod-eu', { [ROLLOUT_PATHS.rollouts]: moved });
    const before = first.events.find(e => e.data.name === 'checkout')!;
    const after = changed.events.find(e => e.data.name === 'checkout')!;
    expect(after.id).not.toBe(before.id);
    expect(after.data).toMatchObject({
      step: 3,
      desiredWeight: 40,
      actualWeight: 40,
    });
  });

  it('says Argo Rollouts is not installed on a 404, and leaves out an AnalysisRun that is gone', async () => {
    const missing = await read('prod-eu', {
      [ROLLOUT_PATHS.rollouts]: undefined,
    });
    expect(missing).toMatchObject({ events: [], installed: false });
    const gone = await read('prod-eu', {
      [ROLLOUT_PATHS.analysisRun('payments', 'checkout-7d9f8b6c5d-12-2')]:
        undefined,
    });
    const checkout = gone.events.find(e => e.data.name === 'checkout')!;
    expect(checkout.data.analysis).toEqual({
      name: 'checkout-7d9f8b6c5d-12-2',
      status: 'Running',
      metrics: [],
    });
    expect(gone.problems).toEqual([
      'AnalysisRun payments/checkout-7d9f8b6c5d-12-2 is gone: its metrics are left out',
    ]);
  });

  async function startPoller(clusters = ['prod-eu']) {
    const server = await startFakeApiServer({ ...routes });
    closers.push(server.close);
    const tasks = new Map<string, Task>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: jest.fn(async (task: Task) => {
        tasks.set(task.id, task);
      }),
    });
    const poller = createRolloutsPoller({
      settings: {
        clusters: clusters.map(c =>
          c === 'broken'
            ? { name: c, url: 'http://127.0.0.1:1', skipTLSVerify: false }
            : server.cluster(c),
        ),
        schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
        requestTimeoutMs: 5_000,
      },
      scheduler,
      logger: mockServices.logger.mock(),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
    });
    const intake = new InMemoryIntake(10);
    await poller.connect(intake);
    return { server, intake, task: tasks.get(ROLLOUTS_TASK_ID)! };
  }

  it('polls on a global task and sends only Rollouts whose status changed', async () => {
    const { server, intake, task } = await startPoller();
    expect(task).toMatchObject({ scope: 'global' });
    await task.fn(new AbortController().signal);
    expect(intake.events.size).toBe(5);
    await task.fn(new AbortController().signal);
    expect(intake.batchSizes).toEqual([5]);

    const moved = fixture('rollouts/rollouts.json');
    moved.items[2].status.blueGreen.activeSelector = '4a9c7e5b3d';
    moved.items[2].status.pauseConditions = [];
    moved.items[2].status.phase = 'Healthy';
    moved.items[2].status.message = '';
    moved.items[2].status.conditions[0].lastUpdateTime = '2026-11-29T09:58:00Z';
    server.routes[ROLLOUT_PATHS.rollouts] = moved;
    await task.fn(new AbortController().signal);
    expect(intake.batchSizes).toEqual([5, 1]);
    expect([...intake.events.values()].pop()).toMatchObject({
      occurredAt: '2026-11-29T09:58:00.000Z',
      data: { name: 'billing', phase: 'Healthy', actualWeight: 100 },
    });
  });

  it('reads every cluster and fails the task naming those it could not read', async () => {
    const { intake, task } = await startPoller(['broken', 'prod-eu']);
    await expect(task.fn(new AbortController().signal)).rejects.toThrow(
      'Argo Rollouts: 1 of 2 clusters could not be read (broken); the others were; details logged above',
    );
    expect(intake.events.size).toBe(5);
  });
});
