import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { platformOrProduct } from '@goldenpath/plugin-platform-common';
import { PlatformCanaryRunner } from '@goldenpath/plugin-platform-node';
import {
  canaryRun,
  canaryRuns,
  EU,
  rolloutEvent,
  US,
} from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const owned = catalogEntities.map(e =>
  e.kind === 'Component'
    ? {
        ...e,
        relations: [
          { type: 'ownedBy', targetRef: 'group:default/team-payments' },
        ],
      }
    : e,
);

const permissions = (result: AuthorizeResult) =>
  ({
    authorize: jest.fn(async () => [{ result }]),
    authorizeConditional: jest.fn(),
  } as unknown as PermissionsService);

describe.each(databases.eachSupportedId())('CanaryService reads (%s)', id => {
  const user = mockCredentials.user('user:default/bob');

  async function setup(
    options: {
      runners?: PlatformCanaryRunner[];
      permissions?: PermissionsService;
    } = {},
  ) {
    return createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: [...owned, group] as any,
      ...options,
    });
  }

  describe('runs', () => {
    it('lists a check’s runs newest first with errors and log tails, bounded', async () => {
      const h = await setup();
      await h.send([
        ...canaryRuns('pp', { from: '2026-11-09T10:00:00Z' }),
        canaryRun({
          startedAt: '2026-11-09T10:02:00Z',
          outcome: 'fail',
          errors: ['GET https://canary/healthz returned 503'],
          logTail: ['dial tcp 10.0.0.7:443', 'status 503'],
          trigger: 'manual',
        }),
      ]);
      const all = await h.canary.getRuns(
        { entityRef: 'payments-api', cluster: EU, check: 'ingress-http' },
        user,
      );
      expect(all).toMatchObject({
        entityRef: 'component:default/payments-api',
        cluster: EU,
        check: 'ingress-http',
        capability: 'ingress',
        more: false,
      });
      expect(all.runs.map(r => [r.startedAt, r.outcome, r.trigger])).toEqual([
        ['2026-11-09T10:02:00.000Z', 'fail', 'manual'],
        ['2026-11-09T10:01:00.000Z', 'pass', 'schedule'],
        ['2026-11-09T10:00:00.000Z', 'pass', 'schedule'],
      ]);
      expect(all.runs[0]).toMatchObject({
        errors: ['GET https://canary/healthz returned 503'],
        logTail: ['dial tcp 10.0.0.7:443', 'status 503'],
        source: 'test-canary',
      });
      expect(all.runs[1].logTail).toBeUndefined();

      const page = await h.canary.getRuns(
        {
          entityRef: 'payments-api',
          cluster: EU,
          check: 'ingress-http',
          to: '2026-11-09T10:02:00.000Z',
          limit: 1,
        },
        user,
      );
      expect(page.runs.map(r => r.startedAt)).toEqual([
        '2026-11-09T10:01:00.000Z',
      ]);
      expect(page.more).toBe(true);
    });

    it('is a 404 for a cluster the entity does not run in or a check it does not run', async () => {
      const h = await setup();
      await h.send([
        canaryRun({ startedAt: '2026-11-09T10:00:00Z', cluster: US }),
        canaryRun({ startedAt: '2026-11-09T10:00:00Z' }),
      ]);
      await expect(
        h.canary.getRuns(
          { entityRef: 'payments-api', cluster: US, check: 'ingress-http' },
          user,
        ),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringMatching(/not a cluster .* runs in/),
      });
      await expect(
        h.canary.getRuns(
          { entityRef: 'payments-api', cluster: EU, check: 'dns' },
          user,
        ),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'no canary check dns in cluster prod-eu-west-1',
      });
      // a Group reads the clusters of its components
      const runs = await h.canary.getRuns(
        {
          entityRef: 'group:default/team-payments',
          cluster: US,
          check: 'ingress-http',
        },
        user,
      );
      expect(runs.runs).toHaveLength(1);
    });
  });

  describe('rollouts', () => {
    it('serves the latest status of a component’s rollouts, a Group’s and a cluster’s', async () => {
      const h = await setup();
      await h.send([
        rolloutEvent({
          id: 'r1',
          occurredAt: '2026-11-09T10:00:00Z',
          data: {
            analysis: {
              name: 'payments-api-7-2',
              status: 'Running',
              metrics: [
                {
                  name: 'error-rate',
                  value: 0.004,
                  threshold: 0.01,
                  condition: 'result[0] <= 0.01',
                  verdict: 'pass',
                },
                { name: 'latency-p99', verdict: 'running' },
              ],
            },
          },
        }),
        rolloutEvent({
          id: 'l1',
          occurredAt: '2026-11-09T10:00:00Z',
          kubernetesId: 'ledger-service',
          cluster: US,
          name: 'ledger-service',
          data: {
            phase: 'Aborted',
            message: 'metric error-rate assessed Failed',
          },
        }),
      ]);
      const own = await h.canary.getRollouts(
        { entityRef: 'payments-api' },
        user,
      );
      expect(own.rollouts).toEqual([
        {
          entityRef: 'component:default/payments-api',
          cluster: EU,
          namespace: 'payments',
          name: 'payments-api',
          updatedAt: '2026-11-09T10:00:00.000Z',
          strategy: 'canary',
          step: 2,
          totalSteps: 5,
          desiredWeight: 40,
          actualWeight: 40,
          phase: 'Paused',
          pauseReason: 'CanaryPauseStep',
          analysis: {
            name: 'payments-api-7-2',
            status: 'Running',
            metrics: [
              {
                name: 'error-rate',
                value: 0.004,
                threshold: 0.01,
                condition: 'result[0] <= 0.01',
                verdict: 'pass',
              },
              { name: 'latency-p99', verdict: 'running' },
            ],
          },
        },
      ]);
      const team = await h.canary.getRollouts(
        { entityRef: 'group:default/team-payments' },
        user,
      );
      expect(team.rollouts.map(r => [r.name, r.phase])).toEqual([
        ['ledger-service', 'Aborted'],
        ['payments-api', 'Paused'],
      ]);
      const cluster = await h.canary.getRollouts(
        { entityRef: 'resource:default/prod-eu-west-1' },
        user,
      );
      expect(cluster.rollouts.map(r => r.name)).toEqual(['payments-api']);
    });
  });

  describe('incidents', () => {
    // ingress in EU: down 10:05 (failing since 10:02), up 10:09 (passing since 10:08)
    const ingress = canaryRuns('ppftefpfpp', { from: '2026-11-09T10:00:00Z' });
    // dns in EU: down at 11:02 and still down
    const dns = canaryRuns('ppfff', {
      from: '2026-11-09T11:00:00Z',
      check: 'dns-resolve',
      capability: 'dns',
    });

    it('gives the failing periods overlapping the window and the transitions they come from', async () => {
      const h = await setup();
      await h.send([...ingress, ...dns]);
      const all = await h.canary.getIncidents(
        {
          entityRef: 'payments-api',
          from: '2026-11-09T09:00:00.000Z',
          to: '2026-11-09T12:00:00.000Z',
        },
        user,
      );
      expect(all.components).toEqual([
        {
          entityRef: 'component:default/payments-api',
          clusters: [EU],
          clusterSource: 'annotation',
        },
      ]);
      expect(all.periods).toEqual([
        {
          cluster: EU,
          check: 'dns-resolve',
          capability: 'dns',
          from: '2026-11-09T11:02:00.000Z',
        },
        {
          cluster: EU,
          check: 'ingress-http',
          capability: 'ingress',
          from: '2026-11-09T10:02:00.000Z',
          to: '2026-11-09T10:08:00.000Z',
        },
      ]);
      // a client answers "platform or product" from these alone
      const at = (t: string) =>
        platformOrProduct(all.checks, { at: t, cluster: EU }).platform;
      expect(at('2026-11-09T10:01:59.999Z')).toBe(false);
      expect(at('2026-11-09T10:03:00.000Z')).toBe(true);
      expect(at('2026-11-09T10:08:00.000Z')).toBe(false);
      expect(at('2026-11-09T11:30:00.000Z')).toBe(true);
      expect(
        platformOrProduct(all.checks, {
          at: '2026-11-09T11:30:00.000Z',
          cluster: EU,
          capabilities: ['ingress'],
        }).platform,
      ).toBe(false);
    });

    it('keeps a period that began before the window and drops those outside it', async () => {
      const h = await setup();
      await h.send([...ingress, ...dns]);
      // 10:06–10:07: inside the ingress period, whose transitions lie around it
      const inside = await h.canary.getIncidents(
        {
          entityRef: 'payments-api',
          from: '2026-11-09T10:06:00.000Z',
          to: '2026-11-09T10:07:00.000Z',
        },
        user,
      );
      expect(inside.periods).toEqual([
        {
          cluster: EU,
          check: 'ingress-http',
          capability: 'ingress',
          from: '2026-11-09T10:02:00.000Z',
          to: '2026-11-09T10:08:00.000Z',
        },
      ]);
      expect(
        platformOrProduct(inside.checks, {
          at: '2026-11-09T10:06:30.000Z',
          cluster: EU,
        }).failing.map(f => f.check),
      ).toEqual(['ingress-http']);
      // 10:03–10:04: the period started inside, but it was declared down at 10:05
      const early = await h.canary.getIncidents(
        {
          entityRef: 'payments-api',
          from: '2026-11-09T10:03:00.000Z',
          to: '2026-11-09T10:04:00.000Z',
        },
        user,
      );
      expect(early.periods.map(p => p.check)).toEqual(['ingress-http']);
      const quiet = await h.canary.getIncidents(
        {
          entityRef: 'payments-api',
          from: '2026-11-09T10:30:00.000Z',
          to: '2026-11-09T11:00:00.000Z',
        },
        user,
      );
      expect(quiet).toMatchObject({ checks: [], periods: [] });
    });

    it('checks the window', async () => {
      const h = await setup();
      await expect(
        h.canary.getIncidents(
          {
            entityRef: 'payments-api',
            from: '2026-11-09T12:00:00.000Z',
            to: '2026-11-09T11:00:00.000Z',
          },
          user,
        ),
      ).rejects.toMatchObject({ name: 'InputError' });
      await expect(
        h.canary.getIncidents(
          {
            entityRef: 'payments-api',
            from: '2025-01-01T00:00:00.000Z',
            to: '2026-11-09T11:00:00.000Z',
          },
          user,
        ),
      ).rejects.toMatchObject({ message: /at most 400 days/ });
      const defaults = await h.canary.getIncidents(
        { entityRef: 'payments-api' },
        user,
      );
      expect(defaults.window).toEqual({
        from: '2026-10-10T12:00:00.000Z',
        to: '2026-11-09T12:00:00.000Z',
      });
    });
  });

  describe('run now', () => {
    const runner = () => {
      const ran: string[] = [];
      const r: PlatformCanaryRunner = {
        listChecks: () => [
          {
            cluster: EU,
            check: 'ingress-http',
            capability: 'ingress',
            intervalSeconds: 60,
          },
        ],
        runNow: async (cluster, check) => {
          ran.push(`${cluster}/${check}`);
        },
      };
      return { r, ran };
    };

    it('asks the runner that runs the check, once allowed', async () => {
      const { r, ran } = runner();
      const allow = permissions(AuthorizeResult.ALLOW);
      const h = await setup({ runners: [r], permissions: allow });
      await expect(
        h.canary.runNow({ cluster: EU, check: 'ingress-http' }, user),
      ).resolves.toEqual({
        cluster: EU,
        check: 'ingress-http',
        capability: 'ingress',
        status: 'accepted',
      });
      expect(ran).toEqual([`${EU}/ingress-http`]);
      expect(allow.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'platform.canary.run',
            }),
          },
        ],
        { credentials: user },
      );
      await expect(
        h.canary.runNow({ cluster: US, check: 'ingress-http' }, user),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      expect(ran).toHaveLength(1);
    });

    it('is a 403 before anything else, and a 501 with no runner', async () => {
      const { r, ran } = runner();
      const denied = await setup({
        runners: [r],
        permissions: permissions(AuthorizeResult.DENY),
      });
      await expect(
        denied.canary.runNow({ cluster: EU, check: 'ingress-http' }, user),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(ran).toEqual([]);
      const none = await setup({
        permissions: permissions(AuthorizeResult.ALLOW),
      });
      await expect(
        none.canary.runNow({ cluster: EU, check: 'ingress-http' }, user),
      ).rejects.toMatchObject({ name: 'NotImplementedError' });
    });

    it('logs a run that fails, without failing the request', async () => {
      const failing: PlatformCanaryRunner = {
        listChecks: async () => [
          {
            cluster: EU,
            check: 'tls',
            capability: 'certificates',
            intervalSeconds: 300,
          },
        ],
        runNow: async () => {
          throw new Error('runner busy');
        },
      };
      const h = await setup({
        runners: [failing],
        permissions: permissions(AuthorizeResult.ALLOW),
      });
      await h.canary.runNow({ cluster: EU, check: 'tls' }, user);
      await new Promise(resolve => setImmediate(resolve));
      expect(h.logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /run now of tls in prod-eu-west-1 failed: Error: runner busy/,
        ),
      );
    });
  });
});
