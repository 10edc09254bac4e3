import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  allDurations,
  CanaryHourlyRollup,
  CanaryWindowRollup,
} from '@goldenpath/plugin-platform-common';
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

/** A window row with its durations read out of their buckets. */
function plain(r: CanaryWindowRollup): CanaryHourlyRollup {
  return { ...r, durationsMs: allDurations(r.durationsMs) };
}

describe.each(databases.eachSupportedId())('DatabaseCanaryStore (%s)', id => {
  async function setup() {
    const knex = await databases.init(id as TestDatabaseId);
    const store = await DatabaseCanaryStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it('stores roll-up durations bucketed (d2) and reads them back exactly', async () => {
    const { knex, store } = await setup();
    const durations = [12, 12, 40, 130, 5_000, 120_000];
    await knex.transaction(async tx => {
      await store.putHours([row(durations)], tx);
      await store.putDays([{ ...row(durations), hourStart: DAY }], tx);
    });
    const [hour] = await knex('canary_hours');
    const [day] = await knex('canary_days');
    expect(hour.durations_ms).toMatch(/^d2:/);
    expect(day.durations_ms).toMatch(/^d2:/);

    const until = '2026-11-10T00:00:00.000Z';
    const hours = await store.listHours(['prod-eu-west-1'], DAY, until);
    expect(hours.map(plain)).toEqual([row(durations)]);
    const days = await store.listDays(['prod-eu-west-1'], DAY, until);
    expect(days.map(plain)).toEqual([{ ...row(durations), hourStart: DAY }]);
    // the window reads keep them bucketed; the projection's reads get lists
    expect(Array.isArray(hours[0].durationsMs)).toBe(false);
    expect(
      await knex.transaction(tx =>
        store.readHours(
          { cluster: 'prod-eu-west-1', check: 'ingress-http' },
          { from: DAY, to: until },
          tx,
        ),
      ),
    ).toEqual([row(durations)]);
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
