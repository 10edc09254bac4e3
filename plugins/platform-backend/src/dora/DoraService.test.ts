import { TestDatabaseId, mockCredentials } from '@backstage/backend-test-utils';
import { createDoraHarness } from '../__testUtils__/doraHarness';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { doraHistory } from '../__testUtils__/doraEvents';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  MAX,
  MAX_ENTITY_REF,
  maxFieldsEntity,
  maxLengthDoraEvents,
} from '../__testUtils__/maxLengthEvents';

jest.setTimeout(60_000);
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

async function setup(
  id: TestDatabaseId,
  entities: any[] = [...catalogEntities, maxFieldsEntity],
) {
  const harness = await createDoraHarness({
    knex: await databases.init(id),
    linkable: entities,
    catalog: [...owned, maxFieldsEntity, group],
  });
  return harness;
}

const user = mockCredentials.user();

describe.each(databases.eachSupportedId())(
  'DORA from the log to the numbers (%s)',
  id => {
    it('projects ingested events and computes the four keys for a component', async () => {
      const { intake, projector, dora } = await setup(id);
      await intake.ingest(doraHistory);
      expect(await projector.catchUp()).toBe(doraHistory.length);

      const m = await dora.getMetrics(
        {
          entityRef: 'component:default/payments-api',
          from: '2026-11-02T00:00:00Z',
        },
        user,
      );
      expect(m.entityRefs).toEqual(['component:default/payments-api']);
      // d1, d2, d3 succeed; d2b failed (a run, not a deployment).
      expect(m.deploymentFrequency.deployments).toBe(3);
      expect(m.inputs.failedRuns).toBe(1);
      // pr-1: 10:00-08:00 = 2h (d1; d2 re-lists it, not counted again);
      // pr-2: 12:00-08:00 = 4h; pr-3: 12:00-08:00 = 4h -> median 4h.
      expect(m.leadTime.samples).toBe(3);
      expect(m.leadTime.medianHours).toBe(4);
      expect(m.leadTime.tier).toBe('elite');
      // inc-1 caused by d2: 1 of 3 deployments failed.
      expect(m.changeFailureRate).toMatchObject({ failed: 1, deployments: 3 });
      // impact from d2 finishing (12:00) to resolution (15:00) = 3h.
      expect(m.recoveryTime).toMatchObject({
        resolved: 1,
        open: 0,
        medianHours: 3,
      });
      expect(m.previous.deploymentFrequency.deployments).toBe(0);
      expect(m.weekly.length).toBeGreaterThan(0);

      const deployments = await dora.getDeployments(
        { entityRef: 'payments-api', from: '2026-11-02T00:00:00Z' },
        user,
      );
      expect(deployments.items.map(d => d.deploymentId)).toEqual([
        'd3',
        'd2b',
        'd2',
        'd1',
      ]);
      expect(
        deployments.items.find(d => d.deploymentId === 'd2'),
      ).toMatchObject({
        failed: true,
        incidentIds: ['inc-1'],
        shippedShas: [expect.stringMatching(/^aaaaaa2/)],
      });
    });

    it('rolls a Group up over the components it owns', async () => {
      const { intake, projector, dora } = await setup(id);
      await intake.ingest([
        ...doraHistory,
        deploymentEvent({
          id: 'ledger-1',
          subject: { kind: 'kubernetes-id', name: 'ledger-service' },
          occurredAt: '2026-11-05T10:00:00Z',
          data: {
            finishedAt: '2026-11-05T10:00:00Z',
            startedAt: '2026-11-05T09:55:00Z',
          },
        }),
      ]);
      await projector.catchUp();
      const g = await dora.getGroup(
        {
          entityRef: 'group:default/team-payments',
          from: '2026-11-02T00:00:00Z',
        },
        user,
      );
      expect(g.summary.deploymentFrequency.deployments).toBe(4);
      expect(g.previous.deploymentFrequency.deployments).toBe(0);
      expect(
        g.components.map(c => [c.entityRef, c.deploymentFrequency.deployments]),
      ).toEqual([
        ['component:default/ledger-service', 1],
        ['component:default/payments-api', 3],
      ]);
      const metrics = await dora.getMetrics(
        {
          entityRef: 'group:default/team-payments',
          from: '2026-11-02T00:00:00Z',
        },
        user,
      );
      expect(metrics.entityRefs).toHaveLength(2);
    });

    it('projects events once they are linked later (rewind after relink)', async () => {
      const { events, intake, projector, dora, linkLater } = await setup(id);
      linkLater(true);
      await intake.ingest(doraHistory);
      expect(await projector.catchUp()).toBe(0);
      const pending = await events.listUnlinked(0, 100);
      await events.updateLinks(
        pending.map(p => ({
          seq: p.seq,
          entityRef: 'component:default/payments-api',
          linkReason: null,
        })),
      );
      await projector.rewind(pending[0].seq - 1);
      expect(await projector.catchUp()).toBe(doraHistory.length);
      const m = await dora.getMetrics(
        { entityRef: 'payments-api', from: '2026-11-02T00:00:00Z' },
        user,
      );
      expect(m.deploymentFrequency.deployments).toBe(3);
    });

    it('replaying the log changes nothing', async () => {
      const { intake, projector, dora } = await setup(id);
      await intake.ingest(doraHistory);
      await projector.catchUp();
      const before = await dora.getMetrics({ entityRef: 'payments-api' }, user);
      await projector.rewind(0);
      await projector.catchUp();
      expect(
        await dora.getMetrics({ entityRef: 'payments-api' }, user),
      ).toEqual(before);
    });

    it('rejects unknown entities, non-groups for the group view, and bad windows', async () => {
      const { dora } = await setup(id);
      await expect(
        dora.getMetrics({ entityRef: 'component:default/ghost' }, user),
      ).rejects.toThrow(/no catalog entity component:default\/ghost/);
      await expect(
        dora.getGroup({ entityRef: 'payments-api' }, user),
      ).rejects.toThrow(/is not a Group/);
      await expect(
        dora.getMetrics(
          {
            entityRef: 'payments-api',
            from: '2026-11-05T00:00:00Z',
            to: '2026-11-01T00:00:00Z',
          },
          user,
        ),
      ).rejects.toThrow(/must be before/);
    });

    it('projects and serves events with every bounded field at its maximum', async () => {
      const { intake, projector, dora } = await setup(id);
      const events = maxLengthDoraEvents();
      expect(await intake.ingest(events)).toMatchObject({
        accepted: events.length,
        rejected: 0,
      });
      expect(await projector.catchUp()).toBe(events.length);

      // The rows do not show `source`, part of each projection's key: the
      // catch-up above stored it at its maximum length.
      const request = {
        entityRef: MAX_ENTITY_REF,
        from: '2026-11-02T00:00:00Z',
        environment: MAX.environment,
      };
      const m = await dora.getMetrics(request, user);
      expect(m.entityRefs).toEqual([MAX_ENTITY_REF]);
      expect(m.deploymentFrequency.deployments).toBe(1);
      // one sample per commit, each committed at 08:00 and deployed at 12:00
      expect(m.leadTime).toMatchObject({
        samples: MAX.commits.length,
        medianHours: 4,
      });
      expect(m.changeFailureRate).toMatchObject({ failed: 1, deployments: 1 });
      // from the deployment (12:00) to the resolution (15:00)
      expect(m.recoveryTime).toMatchObject({ resolved: 1, medianHours: 3 });
      expect(await dora.getEnvironments(request, user)).toEqual({
        environments: [MAX.environment],
      });

      const [deployment] = (await dora.getDeployments(request, user)).items;
      expect(deployment).toMatchObject({
        deploymentId: MAX.deploymentId,
        entityRef: MAX_ENTITY_REF,
        environment: MAX.environment,
        sha: MAX.mergeSha,
        rework: 'hotfix',
        url: MAX.url,
        failed: true,
        incidentIds: [MAX.incidentId],
      });
      expect(deployment.changeShas).toEqual(MAX.commits.map(c => c.sha));

      const [change] = (await dora.getChanges(request, user)).items;
      expect(change).toMatchObject({
        repository: MAX.repository,
        prNumber: MAX.prNumber,
        mergeSha: MAX.mergeSha,
        additions: 2_147_483_647,
        deletions: 2_147_483_647,
        labels: MAX.labels,
        url: MAX.url,
        deploymentId: MAX.deploymentId,
      });
      expect(change.commits).toEqual(MAX.commits);

      expect((await dora.getIncidents(request, user)).items).toEqual([
        expect.objectContaining({
          incidentId: MAX.incidentId,
          severity: MAX.severity,
          causedByDeploymentId: MAX.deploymentId,
          rootCauseSha: MAX.mergeSha,
          url: MAX.url,
          recoveryHours: 3,
        }),
      ]);
    });
  },
);
