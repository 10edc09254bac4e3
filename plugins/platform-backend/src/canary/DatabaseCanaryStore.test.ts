import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { CanaryHourlyRollup } from '@goldenpath/plugin-platform-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseCanaryStore } from './DatabaseCanaryStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const HOUR = '2026-11-09T10:00:00.000Z';
const DAY = '2026-11-09T00:00:00.000Z';

const row = (durationsMs: number[]): CanaryHourlyRollup => ({
  cluster: 'prod-eu-west-1',
  check: 'ingress-http',
  capability: 'ingress',
  hourStart: HOUR,
  runs: durationsMs.length + 1,
  passes: durationsMs.length - 1,
  fails: 1,
  timeouts: 0,
  errors: 1,
  maintenanceRuns: 0,
  durationsMs,
});

describe.each(databases.eachSupportedId())('DatabaseCanaryStore (%s)', id => {
  async function setup() {
    const knex = await databases.init(id as TestDatabaseId);
    const store = await DatabaseCanaryStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it('stores roll-up durations compactly and reads them back exactly', async () => {
    const { knex, store } = await setup();
    const durations = [12, 12, 40, 130, 5_000, 120_000];
    await knex.transaction(async tx => {
      await store.putHours([row(durations)], tx);
      await store.putDays([{ ...row(durations), hourStart: DAY }], tx);
    });
    const [hour] = await knex('canary_hours');
    const [day] = await knex('canary_days');
    expect(hour.durations_ms).toMatch(/^d1:/);
    expect(day.durations_ms).toMatch(/^d1:/);
    expect(hour.durations_ms.length).toBeLessThan(
      JSON.stringify(durations).length,
    );

    const until = '2026-11-10T00:00:00.000Z';
    expect(await store.listHours(['prod-eu-west-1'], DAY, until)).toEqual([
      row(durations),
    ]);
    expect(await store.listDays(['prod-eu-west-1'], DAY, until)).toEqual([
      { ...row(durations), hourStart: DAY },
    ]);
  });

  it('reads rows stored as JSON before the compact encoding', async () => {
    const { knex, store } = await setup();
    const columns = {
      cluster: 'prod-eu-west-1',
      check_name: 'ingress-http',
      capability: 'ingress',
      runs: 4,
      passes: 2,
      fails: 1,
      timeouts: 0,
      errors: 1,
      maintenance_runs: 0,
      durations_ms: '[100,150,300]',
    };
    await knex('canary_hours').insert({ ...columns, hour_start: HOUR });
    await knex('canary_days').insert({ ...columns, day_start: DAY });
    const until = '2026-11-10T00:00:00.000Z';
    expect(await store.listHours(['prod-eu-west-1'], DAY, until)).toEqual([
      row([100, 150, 300]),
    ]);
    expect(await store.listDays(['prod-eu-west-1'], DAY, until)).toEqual([
      { ...row([100, 150, 300]), hourStart: DAY },
    ]);
  });
});
