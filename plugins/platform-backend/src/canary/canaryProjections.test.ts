import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  evaluateCanaryCheck,
  rollUpCanaryHours,
} from '@goldenpath/plugin-platform-common';
import {
  asRuns,
  canaryRun,
  canaryRuns,
  EU,
  rolloutEvent,
  US,
} from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';
import { decodeDurations } from './durationsCodec';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const FROM = '2026-11-09T09:50:00.000Z';

/** Every stored row of a table, in key order, without volatile columns. */
async function table(knex: any, name: string, order: string[]) {
  return knex(name).orderBy(order);
}

describe.each(databases.eachSupportedId())('canary projections (%s)', id => {
  async function setup(pageSize?: number, config?: any) {
    return createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: catalogEntities,
      pageSize,
      config,
    });
  }

  // errors, timeouts, a down and an up again, flapping at the end
  const ingress = canaryRuns('ppftefppfpppffftfpfpfpfpfpfpfpfp', {
    from: FROM,
    check: 'ingress-http',
    capability: 'ingress',
  });
  const dns = canaryRuns('pppppfffpp', {
    from: FROM,
    cluster: US,
    check: 'dns-resolve',
    capability: 'dns',
    intervalMs: 5 * 60_000,
    intervalSeconds: 300,
  });

  async function expectEqualsFullReplay(
    h: Awaited<ReturnType<typeof setup>>,
    runs: ReturnType<typeof asRuns>,
    now = '2026-11-09T12:00:00.000Z',
  ) {
    const keys = [...new Set(runs.map(r => `${r.cluster}|${r.check}`))];
    for (const key of keys) {
      const [cluster, check] = key.split('|');
      const own = runs.filter(r => r.cluster === cluster && r.check === check);
      const model = evaluateCanaryCheck(own, { now })!;
      const [row] = await h.knex('canary_checks').where({
        cluster,
        check_name: check,
      });
      expect(JSON.parse(row.memory)).toEqual(model.memory);
      expect(row.state).toBe(model.state);
      const transitions = await h
        .knex('canary_transitions')
        .where({ cluster, check_name: check })
        .orderBy('at');
      expect(
        transitions.map((t: any) => ({
          at: t.at,
          from: t.from_state,
          to: t.to_state,
          streakStartedAt: t.streak_started_at,
          flapping: Boolean(t.flapping),
        })),
      ).toEqual(model.transitions);
      const hours = await h
        .knex('canary_hours')
        .where({ cluster, check_name: check })
        .orderBy('hour_start');
      expect(
        hours.map((r: any) => ({
          cluster: r.cluster,
          check: r.check_name,
          capability: r.capability,
          hourStart: r.hour_start,
          runs: Number(r.runs),
          passes: Number(r.passes),
          fails: Number(r.fails),
          timeouts: Number(r.timeouts),
          errors: Number(r.errors),
          maintenanceRuns: Number(r.maintenance_runs),
          durationsMs: decodeDurations(r.durations_ms),
        })),
      ).toEqual(rollUpCanaryHours(own));
    }
  }

  it('keeps each check’s state equal to the model over all its runs, page after page', async () => {
    const h = await setup(7);
    // interleaved, as several runners would send them
    const mixed = [...ingress, ...dns].sort((x, y) =>
      (x.data as any).startedAt < (y.data as any).startedAt ? -1 : 1,
    );
    for (let i = 0; i < mixed.length; i += 5) {
      await h.send(mixed.slice(i, i + 5));
    }
    await expectEqualsFullReplay(h, asRuns([...ingress, ...dns]));
    const transitions = await h.knex('canary_transitions');
    expect(transitions.length).toBeGreaterThanOrEqual(4);
    expect(transitions.every((t: any) => t.notification === 'pending')).toBe(
      true,
    );
    const [row] = await h
      .knex('canary_checks')
      .where({ cluster: EU, check_name: 'ingress-http' });
    const recent = JSON.parse(row.recent);
    expect(recent).toHaveLength(30);
    expect(recent[29].startedAt).toBe((ingress[31].data as any).startedAt);
    // ingress states no interval: the median gap of its runs
    expect(Number(row.interval_ms)).toBe(60_000);
    const [dnsRow] = await h
      .knex('canary_checks')
      .where({ cluster: US, check_name: 'dns-resolve' });
    expect(Number(dnsRow.interval_ms)).toBe(300_000);
  });

  it('stores a whole-millisecond interval when the median gap is not one', async () => {
    const h = await setup();
    // a scheduler's jitter: gaps of 60 000 and 60 001 ms, median 60 000.5
    const starts = [0, 60_000, 120_001].map(ms =>
      new Date(Date.parse(FROM) + ms).toISOString(),
    );
    await h.send(starts.map(startedAt => canaryRun({ startedAt })));
    const [row] = await h
      .knex('canary_checks')
      .where({ cluster: EU, check_name: 'ingress-http' });
    expect(Number(row.interval_ms)).toBe(60_001);
    expect(await h.knex('projection_dead_letters')).toEqual([]);
  });

  it('replays a check from its stored runs when a late or corrected run arrives', async () => {
    const h = await setup();
    // every run but the third, then the third late: the streak it completes
    // takes the check down at a time already passed
    const pattern = canaryRuns('ppfffpppp', { from: FROM });
    const late = pattern[2];
    await h.send(pattern.filter(e => e !== late));
    const before = await h.knex('canary_transitions').orderBy('at');
    expect(before.map((t: any) => t.to_state)).toEqual(['up']);
    await h.send([late]);
    await expectEqualsFullReplay(h, asRuns(pattern));
    const after = await h.knex('canary_transitions').orderBy('at');
    expect(after.map((t: any) => t.to_state)).toEqual(['up', 'down', 'up']);

    // a correction from another source at the same start replaces the run
    const corrected = canaryRun({
      startedAt: (pattern[3].data as any).startedAt,
      outcome: 'pass',
      source: 'another-runner',
    });
    await h.send([corrected]);
    const runs = asRuns(pattern).map((r, i) =>
      i === 3 ? { ...r, outcome: 'pass', durationMs: 100 } : r,
    );
    await expectEqualsFullReplay(h, runs);
    expect(
      (await h.knex('canary_transitions').orderBy('at')).map(
        (t: any) => t.to_state,
      ),
    ).toEqual(['up']);
  });

  it('changes nothing when the log is replayed, and keeps what was notified', async () => {
    const h = await setup(4);
    await h.send([...ingress, ...dns]);
    await h.knex('canary_transitions').update({
      notification: 'sent',
      notified_at: '2026-11-09T11:00:00.000Z',
    });
    const snapshot = async () => ({
      checks: await table(h.knex, 'canary_checks', ['cluster', 'check_name']),
      hours: await table(h.knex, 'canary_hours', [
        'cluster',
        'check_name',
        'hour_start',
      ]),
      transitions: await table(h.knex, 'canary_transitions', [
        'cluster',
        'check_name',
        'at',
      ]),
      runs: (
        await table(h.knex, 'canary_runs', [
          'cluster',
          'check_name',
          'started_at',
        ])
      ).length,
    });
    const before = await snapshot();
    await h.projector.rewind(0);
    await h.projector.catchUp();
    expect(await snapshot()).toEqual(before);
  });

  it('leaves out runs older than raw retention', async () => {
    const h = await setup(undefined, { retention: { rawDays: 1 } });
    await h.send([
      canaryRun({ startedAt: '2026-11-07T10:00:00Z' }),
      canaryRun({ startedAt: '2026-11-09T10:00:00Z' }),
    ]);
    const runs = await h.knex('canary_runs');
    expect(runs.map((r: any) => r.started_at)).toEqual([
      '2026-11-09T10:00:00.000Z',
    ]);
    expect(h.logger.debug).toHaveBeenCalledWith(
      expect.stringMatching(/1 run\(s\) started before raw retention/),
    );
  });

  it('keeps the latest rollout status, whatever order the events arrive in', async () => {
    const h = await setup();
    await h.send([
      rolloutEvent({
        id: 'r2',
        occurredAt: '2026-11-09T11:00:00Z',
        data: { step: 3, phase: 'Progressing' },
      }),
    ]);
    await h.send([
      rolloutEvent({
        id: 'r1',
        occurredAt: '2026-11-09T10:00:00Z',
        data: { step: 1 },
      }),
    ]);
    const rows = await h.knex('canary_rollouts');
    expect(rows).toHaveLength(1);
    expect(rows[0].entity_ref).toBe('component:default/payments-api');
    expect(JSON.parse(rows[0].status)).toMatchObject({
      step: 3,
      phase: 'Progressing',
    });
    await h.send([
      rolloutEvent({
        id: 'r3',
        occurredAt: '2026-11-09T11:30:00Z',
        data: {
          step: 5,
          phase: 'Healthy',
          desiredWeight: 100,
          actualWeight: 100,
        },
      }),
    ]);
    expect(
      JSON.parse((await h.knex('canary_rollouts'))[0].status),
    ).toMatchObject({ step: 5, phase: 'Healthy' });
  });
});
