import { evaluateCanaryCheck } from './evaluate';
import { maintenanceMatcher } from './maintenance';
import { rollUpCanaryHours } from './rollups';
import { justAfter, minute, series } from './testRuns';
import type { CanaryCheckKey, CanaryMaintenanceWindow } from './types';

const ingress: CanaryCheckKey = {
  cluster: 'prod-eu',
  check: 'ingress-http',
  capability: 'ingress',
};
const at = (iso: string) => Date.parse(iso);

describe('maintenanceMatcher', () => {
  it('covers an absolute window half-open, [from, to)', () => {
    const matches = maintenanceMatcher([{ from: minute(10), to: minute(20) }]);
    expect(matches(ingress, at(minute(9.99)))).toBe(false);
    expect(matches(ingress, at(minute(10)))).toBe(true);
    expect(matches(ingress, at(minute(19.99)))).toBe(true);
    expect(matches(ingress, at(minute(20)))).toBe(false);
  });

  it('needs every filter that is set to match', () => {
    const matches = maintenanceMatcher([
      {
        clusters: ['prod-eu'],
        capabilities: ['dns'],
        from: minute(0),
        to: minute(60),
      },
    ]);
    const now = at(minute(30));
    expect(matches({ ...ingress, capability: 'dns' }, now)).toBe(true);
    expect(matches(ingress, now)).toBe(false);
    expect(
      matches({ ...ingress, cluster: 'prod-us', capability: 'dns' }, now),
    ).toBe(false);
    const byCheck = maintenanceMatcher([
      { checks: ['ingress-http'], from: minute(0), to: minute(60) },
    ]);
    expect(byCheck(ingress, now)).toBe(true);
    expect(byCheck({ ...ingress, check: 'ingress-https' }, now)).toBe(false);
    expect(maintenanceMatcher()(ingress, now)).toBe(false);
  });

  it('repeats a weekly window in UTC, across Sunday midnight too', () => {
    const sundayNight = maintenanceMatcher([
      { weekly: { day: 'sunday', start: '23:00', durationMinutes: 120 } },
    ]);
    // 2026-11-08 is a Sunday; the window runs to Monday 01:00
    expect(sundayNight(ingress, at('2026-11-08T22:59:59Z'))).toBe(false);
    expect(sundayNight(ingress, at('2026-11-08T23:00:00Z'))).toBe(true);
    expect(sundayNight(ingress, at('2026-11-09T00:30:00Z'))).toBe(true);
    expect(sundayNight(ingress, at('2026-11-09T01:00:00Z'))).toBe(false);
    // and every week after
    expect(sundayNight(ingress, at('2026-11-16T00:59:00Z'))).toBe(true);
    expect(sundayNight(ingress, at('2026-11-11T23:30:00Z'))).toBe(false);
  });

  it('rejects windows it cannot read, naming which', () => {
    const bad: CanaryMaintenanceWindow[][] = [
      [{ from: minute(10), to: minute(10) }],
      [{ from: 'tuesday', to: minute(10) }],
      [{ from: minute(0) }],
      [{}],
      [
        {
          from: minute(0),
          to: minute(1),
          weekly: { day: 'monday', start: '01:00', durationMinutes: 5 },
        },
      ],
      [
        {
          weekly: {
            day: 'funday' as 'monday',
            start: '01:00',
            durationMinutes: 5,
          },
        },
      ],
      [{ weekly: { day: 'monday', start: '24:00', durationMinutes: 5 } }],
      [{ weekly: { day: 'monday', start: '01:00', durationMinutes: 0 } }],
      [{ weekly: { day: 'monday', start: '01:00', durationMinutes: 10081 } }],
    ];
    for (const windows of bad) {
      expect(() => maintenanceMatcher(windows)).toThrow(/^maintenance\[0\]/);
    }
  });
});

describe('maintenance in the state machine and the roll-ups', () => {
  const window = [{ clusters: ['prod-eu'], from: minute(2), to: minute(7) }];

  it('does not take a check down for failures inside a window', () => {
    const runs = series('pp fffff pp');
    const status = evaluateCanaryCheck(runs, {
      now: justAfter(runs),
      maintenance: window,
    })!;
    expect(status.state).toBe('up');
    expect(status.transitions).toHaveLength(1);
    expect(status.flapPercent).toBe(0);
    // without the window the same runs go down and back up
    const plain = evaluateCanaryCheck(runs, { now: justAfter(runs) })!;
    expect(plain.transitions.map(t => t.to)).toEqual(['up', 'down', 'up']);
  });

  it('lets a streak run across a window, as across an error', () => {
    // failures at minutes 0 and 1, the window 2–6, a failure at 7: down
    const status = evaluateCanaryCheck(series('ff ppppp f'), {
      now: minute(7.5),
      maintenance: window,
    })!;
    expect(status.state).toBe('down');
    expect(status.since).toBe(minute(7));
    expect(status.transitions[0].streakStartedAt).toBe(minute(0));
  });

  it('shows maintenance while now is inside a window, and keeps maintenance runs fresh', () => {
    const status = evaluateCanaryCheck(series('pp fff'), {
      now: minute(4.5),
      maintenance: window,
      intervalMs: 60_000,
    })!;
    expect(status.inMaintenance).toBe(true);
    expect(status.display).toBe('maintenance');
    expect(status.state).toBe('up');
    expect(status.lastResultAt).toBe(minute(4));
    expect(status.stale).toBe(false);
  });

  it('counts runs inside a window apart, out of uptime and durations', () => {
    const runs = series('pp ffeft pp', { durationMs: 900 });
    const [row] = rollUpCanaryHours(runs, { maintenance: window });
    expect(row.runs).toBe(9);
    expect(row.maintenanceRuns).toBe(5);
    expect([row.passes, row.fails, row.timeouts, row.errors]).toEqual([
      4, 0, 0, 0,
    ]);
    expect(row.durationsMs).toHaveLength(4);
  });
});
