import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { DAY_MS } from '@goldenpath/plugin-platform-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { createCostHarness } from '../__testUtils__/costHarness';
import {
  COST_START_MS,
  PAYMENTS,
  TWO_DAYS,
  costHistory,
} from '../__testUtils__/costEvents';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { applyCostRetention } from './applyCostRetention';

jest.setTimeout(120_000);
const databases = createTestDatabases();
const user = mockCredentials.user();
const retention = {
  rawDays: 35,
  hourlyDays: 60,
  dailyDays: 90,
  schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
};
/** `days` after the start of the data, at noon. */
const daysLater = (days: number) =>
  new Date(COST_START_MS + days * DAY_MS + DAY_MS / 2);

describe.each(databases.eachSupportedId())('cost retention (%s)', id => {
  async function setup(now?: Date) {
    const knex = await databases.init(id as TestDatabaseId);
    const harness = await createCostHarness({
      knex,
      linkable: catalogEntities,
      catalog: catalogEntities,
      ...(now ? { now: () => now } : {}),
    });
    return harness;
  }
  const count = async (knex: any, table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);

  it('deletes each level after its retention; the summary reads the same numbers until the daily rows go', async () => {
    const { knex, intake, projector, cost, store } = await setup();
    await intake.ingest([...costHistory(), deploymentEvent()]);
    await projector.catchUp();
    const before = await cost.getSummary(
      { entityRef: PAYMENTS, ...TWO_DAYS },
      user,
    );
    expect(before.total.cost).toBeGreaterThan(0);
    const run = (now: Date) =>
      applyCostRetention({
        store,
        retention,
        logger: mockServices.logger.mock(),
        now,
      });

    // day 1 and half of day 2 are past raw retention
    await run(daysLater(36));
    expect(await count(knex, 'cost_samples')).toBe(
      // payments app + proxy, ledger: 3 rows an hour for hours 36–47
      3 * 12,
    );
    expect(await count(knex, 'cost_container_hours')).toBeGreaterThan(0);
    expect(
      await cost.getSummary({ entityRef: PAYMENTS, ...TWO_DAYS }, user),
    ).toEqual(before);

    await run(daysLater(62));
    expect(await count(knex, 'cost_samples')).toBe(0);
    expect(await count(knex, 'cost_node_hours')).toBe(0);
    expect(await count(knex, 'cost_container_hours')).toBe(0);
    expect(await count(knex, 'cost_cluster_hours')).toBe(0);
    expect(
      await cost.getSummary({ entityRef: PAYMENTS, ...TWO_DAYS }, user),
    ).toEqual(before);
    expect(await count(knex, 'cost_deployments')).toBe(1);

    await run(daysLater(92));
    expect(await count(knex, 'cost_controller_days')).toBe(0);
    expect(await count(knex, 'cost_cluster_days')).toBe(0);
    expect(await count(knex, 'cost_deployments')).toBe(0);
    const after = await cost.getSummary(
      { entityRef: PAYMENTS, ...TWO_DAYS },
      user,
    );
    expect(after.total.cost).toBe(0);
  });

  it('does not project usage for hours past raw retention', async () => {
    const { knex, intake, projector, cost } = await setup(daysLater(40));
    await intake.ingest(costHistory());
    await projector.catchUp();
    expect(await count(knex, 'cost_samples')).toBe(0);
    expect(await count(knex, 'cost_controller_days')).toBe(0);
    const s = await cost.getSummary({ entityRef: PAYMENTS, ...TWO_DAYS }, user);
    expect(s.total.containerHours).toBe(0);
  });
});
