import { interpolatedQuantile } from '../stats/quantile';
import { maintenanceMatcher } from './maintenance';
import {
  CANARY_WINDOW_HOURS,
  canaryWindow,
  canaryWindowStats,
  rollUpCanaryHours,
} from './rollups';
import { minute, run, START_MS } from './testRuns';
import type {
  CanaryMaintenanceWindow,
  CanaryOutcome,
  CanaryRun,
  CanaryWindowKey,
} from './types';

describe('rollUpCanaryHours', () => {
  it('counts each UTC hour of each check apart, durations sorted, rows in a fixed order', () => {
    const runs = [
      run(61, 'pass', { durationMs: 300 }), // 11:01
      run(0, 'fail', { durationMs: 900 }), // 10:00
      run(5, 'pass', { durationMs: 120 }),
      run(10, 'timeout', { durationMs: 5000 }),
      run(15, 'error', { durationMs: 3 }),
      run(20, 'pass', { durationMs: 80, capability: 'dns' }),
      run(30, 'pass', { cluster: 'prod-au', durationMs: 50 }),
    ];
    const rows = rollUpCanaryHours(runs);
    expect(
      rows.map(r => [r.cluster, r.hourStart, r.capability, r.runs]),
    ).toEqual([
      ['prod-au', '2026-11-02T10:00:00.000Z', 'ingress', 1],
      ['prod-eu', '2026-11-02T10:00:00.000Z', 'dns', 5],
      ['prod-eu', '2026-11-02T11:00:00.000Z', 'ingress', 1],
    ]);
    const tenOClock = rows[1];
    expect(tenOClock).toMatchObject({
      check: 'ingress-http',
      passes: 2,
      fails: 1,
      timeouts: 1,
      errors: 1,
      maintenanceRuns: 0,
    });
    // the error's duration is the runner's, not the probe's: left out
    expect(tenOClock.durationsMs).toEqual([80, 120, 900, 5000]);
  });
});

describe('canaryWindow', () => {
  it('holds the N whole hours before the current one and the current one so far', () => {
    const now = '2026-11-02T10:37:12Z';
    expect(canaryWindow('1h', now)).toEqual({
      from: '2026-11-02T09:00:00.000Z',
      to: '2026-11-02T11:00:00.000Z',
    });
    expect(canaryWindow('24h', now).from).toBe('2026-11-01T10:00:00.000Z');
    expect(canaryWindow('30d', now).from).toBe('2026-10-03T10:00:00.000Z');
    expect(() => canaryWindow('7d', 'now')).toThrow(RangeError);
  });
});

describe('canaryWindowStats', () => {
  it('gives uptime = passes ÷ (passes + fails + timeouts) and the exact p95 over hours (worked example)', () => {
    const runs = [
      run(0, 'pass', { durationMs: 100 }),
      run(1, 'pass', { durationMs: 200 }),
      run(2, 'fail', { durationMs: 300 }),
      run(3, 'error', { durationMs: 7 }),
      run(60, 'pass', { durationMs: 150 }),
      run(61, 'timeout', { durationMs: 1000 }),
      run(62, 'error', { durationMs: 9 }),
    ];
    const stats = canaryWindowStats(rollUpCanaryHours(runs), {
      from: minute(0),
      to: minute(120),
    });
    expect(stats).toMatchObject({
      runs: 7,
      passes: 3,
      failures: 2,
      errors: 2,
      maintenanceRuns: 0,
      uptime: 0.6,
    });
    // 100 150 200 300 1000: rank 0.95 × 4 = 3.8 → 300 + 0.8 × 700 = 860
    expect(stats.p95DurationMs).toBeCloseTo(860, 9);
    // the hour 11:00 alone: 150 and 1000, rank 0.95 → 150 + 0.95 × 850
    const second = canaryWindowStats(rollUpCanaryHours(runs), {
      from: minute(60),
      to: minute(120),
    });
    expect(second.uptime).toBe(0.5);
    expect(second.p95DurationMs).toBeCloseTo(957.5, 9);
  });

  it('says null, not 100 %, when nothing in the window judged the platform', () => {
    const stats = canaryWindowStats(
      rollUpCanaryHours([run(0, 'error'), run(1, 'error')]),
      { from: minute(0), to: minute(60) },
    );
    expect(stats.uptime).toBeNull();
    expect(stats.p95DurationMs).toBeNull();
    expect(stats.errors).toBe(2);
    expect(
      canaryWindowStats([], { from: minute(0), to: minute(60) }).uptime,
    ).toBeNull();
  });

  it('places hours written in other timestamp forms in the window by their instant', () => {
    const row = (hourStart: string, passes: number) => ({
      cluster: 'c',
      check: 'k',
      capability: 'dns' as const,
      hourStart,
      runs: passes,
      passes,
      fails: 0,
      timeouts: 0,
      errors: 0,
      maintenanceRuns: 0,
      durationsMs: [] as number[],
    });
    const rows = [
      row('2026-11-01T09:00:00.000Z', 1), // before
      row('2026-11-01T10:00:00.000Z', 2), // first hour, as toISOString writes
      row('2026-11-01T11:00:00Z', 4), // no milliseconds
      row('2026-11-01T13:30:00.000+02:00', 8), // 11:30 UTC
      row('2026-11-01T12:00:00.000Z', 16), // the end: out
      row('2026-11-01T14:00:00.000+02:00', 32), // 12:00 UTC: out
    ];
    for (const window of [
      { from: '2026-11-01T10:00:00.000Z', to: '2026-11-01T12:00:00.000Z' },
      { from: '2026-11-01T10:00:00Z', to: '2026-11-01T13:00:00+01:00' },
    ]) {
      expect(canaryWindowStats(rows, window).passes).toBe(2 + 4 + 8);
    }
  });

  it('is exact for rows whose durations are unsorted or fractional, too', () => {
    const [row] = rollUpCanaryHours([run(0, 'pass'), run(1, 'pass')]);
    const rows = [
      { ...row, durationsMs: [30, 10, 20] },
      { ...row, hourStart: minute(60), durationsMs: [0.5, 40.25] },
    ];
    const stats = canaryWindowStats(rows, { from: minute(0), to: minute(120) });
    expect(stats.p95DurationMs).toBe(
      interpolatedQuantile([30, 10, 20, 0.5, 40.25], 0.95),
    );
  });
});

/** A deterministic pseudo-random sequence in [0, 1) (a 32-bit LCG). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('canaryWindowStats from roll-ups = the same from raw runs', () => {
  // 31 days of one-minute runs of two checks up to minute 42 of 10:00, with every outcome
  const next = random(9);
  const outcomeOf = (x: number): CanaryOutcome => {
    if (x < 0.9) return 'pass';
    if (x < 0.95) return 'fail';
    if (x < 0.98) return 'timeout';
    return 'error';
  };
  const minutes = 31 * 24 * 60;
  const runs: CanaryRun[] = [];
  for (let m = 0; m < minutes; m++) {
    for (const check of ['ingress-http', 'dns-resolve']) {
      runs.push(
        run(m - minutes + 43, outcomeOf(next()), {
          check,
          capability: check === 'dns-resolve' ? 'dns' : 'ingress',
          durationMs: Math.floor(20 + next() * next() * 3000),
        }),
      );
    }
  }
  const maintenance: CanaryMaintenanceWindow[] = [
    { weekly: { day: 'tuesday', start: '02:00', durationMinutes: 90 } },
    {
      checks: ['dns-resolve'],
      from: new Date(START_MS - 30 * 60_000).toISOString(),
      to: new Date(START_MS + 15 * 60_000).toISOString(),
    },
  ];
  const rollups = rollUpCanaryHours(runs, { maintenance });
  const now = minute(42.5);

  /** The definition, straight from the runs. */
  function fromRuns(check: string, window: { from: string; to: string }) {
    const inMaintenance = maintenanceMatcher(maintenance);
    const inWindow = runs.filter(
      r =>
        r.check === check &&
        Date.parse(r.startedAt) >= Date.parse(window.from) &&
        Date.parse(r.startedAt) < Date.parse(window.to),
    );
    const counted = inWindow.filter(
      r => !inMaintenance(r, Date.parse(r.startedAt)),
    );
    const judged = counted.filter(r => r.outcome !== 'error');
    const passes = judged.filter(r => r.outcome === 'pass').length;
    return {
      runs: inWindow.length,
      maintenanceRuns: inWindow.length - counted.length,
      uptime: passes / judged.length,
      p95DurationMs: interpolatedQuantile(
        judged.map(r => r.durationMs),
        0.95,
      ),
    };
  }

  it.each(Object.keys(CANARY_WINDOW_HOURS) as CanaryWindowKey[])(
    'agrees for %s, to the last bit',
    key => {
      const window = canaryWindow(key, now);
      for (const check of ['ingress-http', 'dns-resolve']) {
        const stats = canaryWindowStats(
          rollups.filter(r => r.check === check),
          window,
        );
        const expected = fromRuns(check, window);
        expect(stats.runs).toBe(expected.runs);
        expect(stats.maintenanceRuns).toBe(expected.maintenanceRuns);
        expect(stats.uptime).toBe(expected.uptime);
        expect(stats.p95DurationMs).toBe(expected.p95DurationMs);
      }
    },
  );

  it('has maintenance and every outcome in the data it checks', () => {
    const window = canaryWindow('30d', now);
    const stats = canaryWindowStats(rollups, window);
    expect(stats.maintenanceRuns).toBeGreaterThan(0);
    expect(stats.errors).toBeGreaterThan(0);
    expect(stats.failures).toBeGreaterThan(0);
    // 30 whole hours × 24 and the 43 minutes of the current hour, two checks
    expect(stats.runs).toBe((30 * 24 * 60 + 43) * 2);
    // the 1 h window's dns check is partly in the absolute window
    expect(
      fromRuns('dns-resolve', canaryWindow('1h', now)).maintenanceRuns,
    ).toBe(45);
  });
});
