import { TestDatabaseId } from '@backstage/backend-test-utils';
import { canaryRuns, EU, US } from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';
import { applyCanaryRetention } from './applyCanaryRetention';

jest.setTimeout(120_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('canary retention (%s)', id => {
  it('deletes each level after its days, on the hour, keeping each check’s latest transition', async () => {
    const h = await createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: catalogEntities,
      now: new Date('2026-11-08T00:00:00Z'),
      config: { retention: { rawDays: 2, hourlyDays: 3 } },
    });
    // EU: up, down and up again on the 7th; US: up on the 7th, nothing since
    await h.send([
      ...canaryRuns('ppfffpp', { from: '2026-11-07T11:58:00Z' }),
      ...canaryRuns('pp', { from: '2026-11-07T11:00:00Z', cluster: US }),
      ...canaryRuns('pp', { from: '2026-11-09T11:00:00Z' }),
    ]);
    const count = async (table: string) =>
      Number((await h.knex(table).count({ n: '*' }))[0].n);
    expect(await count('canary_runs')).toBe(11);
    expect(await count('canary_hours')).toBe(4);
    expect(await count('canary_transitions')).toBe(4);

    await applyCanaryRetention({
      store: h.store,
      retention: h.settings.retention,
      logger: h.logger,
      now: new Date('2026-11-09T12:30:00Z'),
    });
    // raw cutoff 2026-11-07T12:00: the runs before noon on the 7th go
    const runs = await h.knex('canary_runs').orderBy(['cluster', 'started_at']);
    expect(runs.map((r: any) => `${r.cluster} ${r.started_at}`)).toEqual([
      `${EU} 2026-11-07T12:00:00.000Z`,
      `${EU} 2026-11-07T12:01:00.000Z`,
      `${EU} 2026-11-07T12:02:00.000Z`,
      `${EU} 2026-11-07T12:03:00.000Z`,
      `${EU} 2026-11-07T12:04:00.000Z`,
      `${EU} 2026-11-09T11:00:00.000Z`,
      `${EU} 2026-11-09T11:01:00.000Z`,
    ]);
    // US has not run since: its check row goes with its runs
    expect((await h.knex('canary_checks')).map((r: any) => r.cluster)).toEqual([
      EU,
    ]);
    // hourly cutoff 2026-11-06T12:00: all hours stay
    expect(await count('canary_hours')).toBe(4);
    expect(h.logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /canary retention deleted 4 canary_runs, 1 canary_checks/,
      ),
    );

    // a day later the hours of the 7th and the older transitions go; each
    // check keeps its latest
    await applyCanaryRetention({
      store: h.store,
      retention: h.settings.retention,
      logger: h.logger,
      now: new Date('2026-11-10T13:00:00Z'),
    });
    expect(
      (await h.knex('canary_hours')).map((r: any) => r.hour_start).sort(),
    ).toEqual(['2026-11-09T11:00:00.000Z']);
    const transitions = await h
      .knex('canary_transitions')
      .orderBy(['cluster', 'at']);
    expect(
      transitions.map((t: any) => `${t.cluster} ${t.at} ${t.to_state}`),
    ).toEqual([
      `${EU} 2026-11-07T12:04:00.000Z up`,
      `${US} 2026-11-07T11:01:00.000Z up`,
    ]);
  });
});
