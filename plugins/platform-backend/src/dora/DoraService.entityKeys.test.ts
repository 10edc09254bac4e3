import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { createDoraHarness } from '../__testUtils__/doraHarness';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(60_000);
const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);

const PAYMENTS = 'component:default/payments-api';
const LEDGER = 'component:default/ledger-service';
const GROUP = 'group:default/team-payments';
const entities = [
  ...catalogEntities.map(e =>
    e.kind === 'Component'
      ? { ...e, relations: [{ type: 'ownedBy', targetRef: GROUP }] }
      : e,
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** Deployment "42" of one repository, from the CI both components share. */
const deployment42 = (repository: string, finishedAt: string) =>
  deploymentEvent({
    id: `${repository}#42`,
    subject: { kind: 'repository', name: repository },
    occurredAt: finishedAt,
    data: {
      deploymentId: '42',
      startedAt: new Date(Date.parse(finishedAt) - 5 * 60_000).toISOString(),
      finishedAt,
    },
  });

const incidentOfPayments: CanonicalEventInput = {
  id: 'inc-1/opened',
  source: 'test-incidents',
  type: 'incident.opened',
  occurredAt: '2026-11-03T11:00:00Z',
  subject: { kind: 'repository', name: 'acme/payments-api' },
  data: {
    incidentId: 'inc-1',
    severity: 'SEV1',
    openedAt: '2026-11-03T11:00:00Z',
    causedByDeploymentId: '42',
  },
} as CanonicalEventInput;

describe.each(databases.eachSupportedId())(
  'DORA keys and incident links per entity (%s)',
  id => {
    async function setup() {
      return createDoraHarness({
        knex: await databases.init(id),
        linkable: entities,
        catalog: entities,
      });
    }
    const user = mockCredentials.user();
    const window = { from: '2026-11-02T00:00:00Z' };

    it("two components' deployment 42 from one source both exist; an incident of one fails only its own", async () => {
      const { intake, projector, dora } = await setup();
      // one page: both deployments, then the incident (in-batch folding)
      await intake.ingest([
        deployment42('acme/payments-api', '2026-11-03T10:00:00Z'),
        deployment42('acme/ledger-service', '2026-11-03T10:30:00Z'),
        incidentOfPayments,
      ]);
      await projector.catchUp();

      const failedOf = async (entityRef: string) =>
        (await dora.getDeployments({ entityRef, ...window }, user)).items.map(
          d => [d.entityRef, d.deploymentId, d.failed],
        );
      expect(await failedOf(GROUP)).toEqual([
        [LEDGER, '42', false],
        [PAYMENTS, '42', true],
      ]);
      expect(await failedOf(PAYMENTS)).toEqual([[PAYMENTS, '42', true]]);
      expect(await failedOf(LEDGER)).toEqual([[LEDGER, '42', false]]);

      const group = await dora.getGroup({ entityRef: GROUP, ...window }, user);
      expect(group.summary.changeFailureRate).toMatchObject({
        deployments: 2,
        failed: 1,
      });
      expect(
        group.components.map(c => [
          c.entityRef,
          c.changeFailureRate.deployments,
          c.changeFailureRate.failed,
        ]),
      ).toEqual([
        [LEDGER, 1, 0],
        [PAYMENTS, 1, 1],
      ]);
      const ledger = await dora.getMetrics(
        { entityRef: LEDGER, ...window },
        user,
      );
      expect(ledger.changeFailureRate).toMatchObject({
        deployments: 1,
        failed: 0,
      });
      // impact starts at payments' 42 (10:00), not ledger's (10:30)
      const [incident] = (
        await dora.getIncidents({ entityRef: GROUP, ...window }, user)
      ).items;
      expect(incident).toMatchObject({
        incidentId: 'inc-1',
        impactStartedAt: '2026-11-03T10:00:00.000Z',
      });
    });

    it('keeps both rows when the second deployment 42 arrives in a later page', async () => {
      const { intake, projector, dora } = await setup();
      await intake.ingest([
        deployment42('acme/payments-api', '2026-11-03T10:00:00Z'),
      ]);
      await projector.catchUp();
      await intake.ingest([
        deployment42('acme/ledger-service', '2026-11-03T10:30:00Z'),
      ]);
      await projector.catchUp();
      const group = await dora.getMetrics(
        { entityRef: GROUP, ...window },
        user,
      );
      expect(group.deploymentFrequency.deployments).toBe(2);
    });
  },
);
