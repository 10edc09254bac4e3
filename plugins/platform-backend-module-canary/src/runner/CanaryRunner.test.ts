import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { startHttpServer } from '../__testUtils__/localServers';
import { CanaryRunner, canaryCheckTaskId } from './CanaryRunner';
import { readRunnerClusters } from './config';

type Task = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

describe('CanaryRunner', () => {
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      res.writeHead(req.url === '/ok' ? 200 : 503);
      res.end(req.url === '/ok' ? 'ok' : 'upstream down');
    });
  });
  afterAll(() => server.close());

  function setUp() {
    const clusters = readRunnerClusters(
      new ConfigReader({
        platform: {
          canary: {
            clusters: [
              {
                name: 'prod-eu',
                checks: [
                  {
                    name: 'ingress-http',
                    capability: 'ingress',
                    type: 'http',
                    url: `${server.url}/ok`,
                    interval: { minutes: 2 },
                    timeout: '5s',
                  },
                  {
                    name: 'api-http',
                    capability: 'ingress',
                    type: 'http',
                    url: `${server.url}/broken`,
                    interval: 30,
                  },
                ],
              },
            ],
          },
        },
      }),
    );
    const tasks = new Map<string, Task>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: jest.fn(async (task: Task) => {
        tasks.set(task.id, task);
      }),
    });
    let clock = Date.parse('2026-11-10T10:00:00.000Z');
    const runner = new CanaryRunner({
      clusters,
      scheduler,
      logger: mockServices.logger.mock(),
      now: () => clock++,
    });
    return { runner, tasks, intake: new InMemoryIntake(10) };
  }

  it('schedules one global task per check, on its interval', async () => {
    const { runner, tasks, intake } = setUp();
    await runner.connect(intake);
    expect([...tasks.keys()]).toEqual([
      canaryCheckTaskId('prod-eu', 'ingress-http'),
      canaryCheckTaskId('prod-eu', 'api-http'),
    ]);
    expect(
      tasks.get('platform-canary-check:prod-eu:ingress-http'),
    ).toMatchObject({
      scope: 'global',
      frequency: { milliseconds: 120_000 },
      timeout: { milliseconds: 35_000 },
    });
    expect(tasks.get('platform-canary-check:prod-eu:api-http')).toMatchObject({
      frequency: { milliseconds: 30_000 },
      timeout: { milliseconds: 40_000 },
    });
  });

  it('sends each scheduled run as a canary.run event about the cluster', async () => {
    const { runner, tasks, intake } = setUp();
    await runner.connect(intake);
    await tasks
      .get('platform-canary-check:prod-eu:ingress-http')!
      .fn(new AbortController().signal);
    await tasks
      .get('platform-canary-check:prod-eu:api-http')!
      .fn(new AbortController().signal);
    const [pass, fail] = [...intake.events.values()];
    expect(pass).toMatchObject({
      source: 'canary-runner',
      id: 'prod-eu/ingress-http/2026-11-10T10:00:00.000Z',
      type: 'canary.run',
      subject: { kind: 'cluster', name: 'prod-eu' },
      data: {
        cluster: 'prod-eu',
        check: 'ingress-http',
        capability: 'ingress',
        outcome: 'pass',
        errors: [],
        startedAt: '2026-11-10T10:00:00.000Z',
        intervalSeconds: 120,
        trigger: 'schedule',
      },
    });
    expect(pass.data).not.toHaveProperty('logTail');
    expect(fail.data).toMatchObject({
      check: 'api-http',
      outcome: 'fail',
      errors: [`GET ${server.url}/broken returned 503, expected 200`],
      intervalSeconds: 30,
    });
    expect((fail.data as { logTail: string[] }).logTail.join('\n')).toMatch(
      /body\| upstream down/,
    );
    expect(Date.parse(fail.occurredAt)).toBe(
      Date.parse((fail.data as { startedAt: string }).startedAt) +
        (fail.data as { durationMs: number }).durationMs,
    );
  });

  it('runs a check now, as a manual run, and knows only configured checks', async () => {
    const { runner, intake } = setUp();
    await expect(runner.runNow('prod-eu', 'ingress-http')).rejects.toThrow(
      'not connected',
    );
    await runner.connect(intake);
    const report = await runner.runNow('prod-eu', 'ingress-http');
    expect(report).toMatchObject({
      status: 'accepted',
      result: { outcome: 'pass' },
      event: { data: { trigger: 'manual' } },
    });
    expect(intake.events.size).toBe(1);
    expect(await runner.runNow('prod-eu', 'nope')).toBeUndefined();
    expect(await runner.runNow('prod-us', 'ingress-http')).toBeUndefined();
  });

  it('sends nothing for a run the backend stopped', async () => {
    const { runner, tasks, intake } = setUp();
    await runner.connect(intake);
    const stopped = new AbortController();
    stopped.abort();
    await tasks
      .get('platform-canary-check:prod-eu:ingress-http')!
      .fn(stopped.signal);
    expect(intake.events.size).toBe(0);
  });
});
