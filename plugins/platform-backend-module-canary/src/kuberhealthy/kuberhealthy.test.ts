import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { fixture, startFakeApiServer } from '../__testUtils__/fakeApiServer';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import {
  KUBERHEALTHY_TASK_ID,
  createKuberhealthyPoller,
  readKuberhealthyCluster,
} from './KuberhealthyPoller';
import { CapabilityRules } from './mapKuberhealthy';
import { KUBERHEALTHY_PATHS } from './types';

type Task = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

const rules: CapabilityRules = {
  byCheck: { 'kuberhealthy/pod-restarts': 'deploy' },
  fallback: 'deploy',
};

const v2 = {
  [KUBERHEALTHY_PATHS.v2States]: fixture('kuberhealthy/v2-khstates.json'),
  [KUBERHEALTHY_PATHS.v2Checks]: fixture('kuberhealthy/v2-khchecks.json'),
};
const v3 = {
  [KUBERHEALTHY_PATHS.v3HealthChecks]: fixture(
    'kuberhealthy/v3-healthchecks.json',
  ),
};

describe('Kuberhealthy reader', () => {
  let closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.map(c => c()));
    closers = [];
  });

  async function api(routes: Record<string, unknown>, pageSize?: number) {
    const server = await startFakeApiServer(routes);
    closers.push(server.close);
    return {
      server,
      api: new KubernetesApi(server.cluster('prod-eu'), 5_000, pageSize),
    };
  }

  it('maps v2 check states to runs: start = LastRun − RunDuration, capability from the annotation', async () => {
    const { api: client, server } = await api(v2);
    const read = await readKuberhealthyCluster(client, rules);
    expect(read.versions).toEqual(['v2']);
    expect(read.problems).toEqual([]);
    expect(read.events.map(e => [e.id, e.data.outcome])).toEqual([
      ['prod-eu/kuberhealthy/deployment/2026-11-29T09:57:59.264Z', 'pass'],
      [
        'prod-eu/kuberhealthy/dns-status-internal/2026-11-29T09:59:10.498Z',
        'fail',
      ],
      ['prod-eu/kuberhealthy/daemonset/2026-11-29T09:40:00.000Z', 'timeout'],
    ]);
    const [deployment, dns, daemonset] = read.events;
    expect(deployment).toEqual({
      id: 'prod-eu/kuberhealthy/deployment/2026-11-29T09:57:59.264Z',
      source: 'kuberhealthy/prod-eu',
      type: 'canary.run',
      occurredAt: '2026-11-29T09:58:41.000Z',
      subject: { kind: 'cluster', name: 'prod-eu' },
      data: {
        cluster: 'prod-eu',
        check: 'kuberhealthy/deployment',
        capability: 'deploy',
        outcome: 'pass',
        durationMs: 41_736,
        errors: [],
        startedAt: '2026-11-29T09:57:59.264Z',
        intervalSeconds: 600,
        trigger: 'schedule',
      },
    });
    expect(dns.data).toMatchObject({
      capability: 'dns',
      durationMs: 1_502,
      intervalSeconds: 120,
      errors: [
        'DNS Status check determined that kubernetes.default is DOWN: lookup kubernetes.default on 172.20.0.10:53: server misbehaving',
      ],
    });
    expect(daemonset.data).toMatchObject({
      durationMs: 900_000,
      intervalSeconds: 900,
    });
    // the bearer token of the cluster config, on every request
    expect(
      server.requests.every(
        r => r.headers.authorization === 'Bearer test-token',
      ),
    ).toBe(true);
  });

  it('maps v3 HealthChecks: start = lastRunUnix, nanosecond durations, runs in progress skipped', async () => {
    const { api: client } = await api(v3);
    const read = await readKuberhealthyCluster(client, rules);
    expect(read.versions).toEqual(['v3']);
    expect(read.events.map(e => e.data)).toEqual([
      {
        cluster: 'prod-eu',
        check: 'kuberhealthy/deployment',
        capability: 'deploy',
        outcome: 'pass',
        durationMs: 38_514,
        errors: [],
        startedAt: '2026-11-29T09:58:41.000Z',
        intervalSeconds: 600,
        trigger: 'schedule',
      },
      {
        cluster: 'prod-eu',
        check: 'kuberhealthy/http-ingress',
        capability: 'ingress',
        outcome: 'fail',
        durationMs: 231,
        errors: [
          'GET https://canary.prod-us.example.com/healthz: 502 Bad Gateway',
        ],
        startedAt: '2026-11-29T10:04:30.000Z',
        intervalSeconds: 60,
        trigger: 'schedule',
      },
    ]);
    expect(read.events[1].occurredAt).toBe('2026-11-29T10:04:30.231Z');
  });

  it('reads both versions in one cluster, a check in both from v3 only, page by page', async () => {
    const { api: client, server } = await api({ ...v2, ...v3 }, 2);
    const read = await readKuberhealthyCluster(client, rules);
    expect(read.versions).toEqual(['v2', 'v3']);
    expect(read.events.map(e => `${e.source} ${e.data.check}`)).toEqual([
      'kuberhealthy/prod-eu kuberhealthy/deployment',
      'kuberhealthy/prod-eu kuberhealthy/http-ingress',
      'kuberhealthy/prod-eu kuberhealthy/dns-status-internal',
      'kuberhealthy/prod-eu kuberhealthy/daemonset',
    ]);
    expect(read.events[0].data.startedAt).toBe('2026-11-29T09:58:41.000Z');
    const statePages = server.requests.filter(
      r => r.path === KUBERHEALTHY_PATHS.v2States,
    );
    expect(statePages.map(r => r.query.get('continue'))).toEqual([
      null,
      '2',
      '4',
    ]);
  });

  it('takes the capability from config when the check has no annotation, and says when an annotation is wrong', async () => {
    const states = fixture('kuberhealthy/v3-healthchecks.json');
    states.items[1].metadata.annotations['goldenpath.dev/canary-capability'] =
      'web';
    const { api: client } = await api({
      [KUBERHEALTHY_PATHS.v3HealthChecks]: states,
    });
    const read = await readKuberhealthyCluster(client, {
      byCheck: {
        'http-ingress': 'ingress',
        'kuberhealthy/deployment': 'metrics',
      },
      fallback: 'logs',
    });
    expect(read.events.map(e => e.data.capability)).toEqual([
      'metrics',
      'ingress',
    ]);
    expect(read.problems).toEqual([
      'kuberhealthy/http-ingress: goldenpath.dev/canary-capability "web" is not a capability; using the configured one',
    ]);
  });

  it('reports objects of an unexpected shape instead of failing the cluster', async () => {
    const states = fixture('kuberhealthy/v2-khstates.json');
    states.items[0].spec.OK = 'yes';
    const { api: client } = await api({
      [KUBERHEALTHY_PATHS.v2States]: states,
    });
    const read = await readKuberhealthyCluster(client, rules);
    expect(read.events).toHaveLength(2);
    expect(read.problems[0]).toMatch(
      /^KuberhealthyState 0: not the expected shape \(spec\.OK: /,
    );
  });

  describe('the poller', () => {
    async function start(
      routes: Record<string, unknown>,
      clusters = ['prod-eu'],
    ) {
      const server = await startFakeApiServer(routes);
      closers.push(server.close);
      const tasks = new Map<string, Task>();
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: jest.fn(async (task: Task) => {
          tasks.set(task.id, task);
        }),
      });
      const poller = createKuberhealthyPoller({
        settings: {
          clusters: clusters.map(c =>
            c === 'broken'
              ? { name: c, url: 'http://127.0.0.1:1', skipTLSVerify: false }
              : server.cluster(c),
          ),
          rules,
          schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
          requestTimeoutMs: 5_000,
        },
        scheduler,
        logger: mockServices.logger.mock(),
      });
      const intake = new InMemoryIntake(2);
      await poller.connect(intake);
      return { server, intake, task: tasks.get(KUBERHEALTHY_TASK_ID)! };
    }

    it('sends each check once per run, in batches, and only new runs after', async () => {
      const { server, intake, task } = await start({ ...v2 });
      expect(task).toMatchObject({
        scope: 'global',
        frequency: { minutes: 1 },
      });
      await task.fn(new AbortController().signal);
      expect(intake.events.size).toBe(3);
      expect(intake.batchSizes).toEqual([2, 1]);

      await task.fn(new AbortController().signal);
      expect(intake.batchSizes).toEqual([2, 1]); // nothing changed, nothing sent

      const states = fixture('kuberhealthy/v2-khstates.json');
      states.items[0].spec.LastRun = '2026-11-29T10:08:40Z';
      states.items[0].spec.OK = false;
      states.items[0].spec.Errors = [
        'deployment canary-app: 0/4 replicas available',
      ];
      server.routes[KUBERHEALTHY_PATHS.v2States] = states;
      await task.fn(new AbortController().signal);
      expect(intake.batchSizes).toEqual([2, 1, 1]);
      expect([...intake.events.values()].pop()!.data).toMatchObject({
        check: 'kuberhealthy/deployment',
        outcome: 'fail',
        errors: ['deployment canary-app: 0/4 replicas available'],
      });
    });

    it('reads every cluster and fails the task naming those it could not read', async () => {
      const { intake, task } = await start({ ...v3 }, ['broken', 'prod-eu']);
      await expect(task.fn(new AbortController().signal)).rejects.toThrow(
        'Kuberhealthy: 1 of 2 clusters could not be read (broken); the others were; details logged above',
      );
      expect(intake.events.size).toBe(2);
    });

    it('fails on a forbidden list instead of taking it for "not installed"', async () => {
      const { task } = await start({
        [KUBERHEALTHY_PATHS.v3HealthChecks]: { httpStatus: 403 },
      });
      await expect(task.fn(new AbortController().signal)).rejects.toThrow(
        '1 of 1 clusters could not be read (prod-eu)',
      );
    });
  });
});
