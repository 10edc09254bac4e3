import { evaluateCanaryCheck, evaluateCanaryChecks } from './evaluate';
import { justAfter, minute, run, series } from './testRuns';
import type { CanaryRun } from './types';

const evaluate = (runs: CanaryRun[], extra = {}) =>
  evaluateCanaryCheck(runs, { now: justAfter(runs), ...extra })!;

describe('evaluateCanaryCheck: thresholds', () => {
  it('has no status without runs, and is unknown until a threshold is reached', () => {
    expect(evaluateCanaryCheck([], { now: minute(0) })).toBeUndefined();
    const one = evaluate(series('p'));
    expect(one.state).toBe('unknown');
    expect(one.since).toBeUndefined();
    expect(one.consecutivePasses).toBe(1);
    expect(one.transitions).toEqual([]);
    expect(evaluate(series('ff')).state).toBe('unknown');
  });

  it('goes down at the third consecutive failure, from the first of the streak', () => {
    const status = evaluate(series('pp fff'));
    expect(status.state).toBe('down');
    expect(status.since).toBe(minute(4));
    expect(status.consecutiveFailures).toBe(3);
    expect(status.consecutivePasses).toBe(0);
    expect(status.transitions).toEqual([
      {
        at: minute(1),
        from: 'unknown',
        to: 'up',
        streakStartedAt: minute(0),
        flapping: false,
      },
      {
        at: minute(4),
        from: 'up',
        to: 'down',
        streakStartedAt: minute(2),
        flapping: false,
      },
    ]);
  });

  it('comes back up at the second consecutive pass', () => {
    const status = evaluate(series('fff p f pp'));
    expect(status.state).toBe('up');
    expect(status.since).toBe(minute(6));
    expect(status.transitions.map(t => [t.at, t.from, t.to])).toEqual([
      [minute(2), 'unknown', 'down'],
      [minute(6), 'down', 'up'],
    ]);
    // the single pass at minute 3 was interrupted: the streak starts at minute 5
    expect(status.transitions[1].streakStartedAt).toBe(minute(5));
  });

  it('keeps the state when a streak is interrupted before the threshold', () => {
    const status = evaluate(series('pp ff p ff p ff'));
    expect(status.state).toBe('up');
    expect(status.consecutiveFailures).toBe(2);
    expect(status.transitions).toHaveLength(1);
  });

  it('keeps counting consecutive failures past the threshold, without new transitions', () => {
    const status = evaluate(series('pp fffffff'));
    expect(status.consecutiveFailures).toBe(7);
    expect(status.since).toBe(minute(4));
    expect(status.transitions.filter(t => t.to === 'down')).toHaveLength(1);
  });

  it('takes other thresholds', () => {
    const status = evaluate(series('f p'), {
      failuresToDown: 1,
      passesToUp: 1,
    });
    expect(status.transitions.map(t => t.to)).toEqual(['down', 'up']);
    expect(evaluate(series('pp fff'), { failuresToDown: 4 }).state).toBe('up');
  });

  it('rejects thresholds that cannot work', () => {
    const runs = series('p');
    expect(() => evaluate(runs, { failuresToDown: 0 })).toThrow(RangeError);
    expect(() => evaluate(runs, { passesToUp: 1.5 })).toThrow(RangeError);
    expect(() =>
      evaluate(runs, { flapEnterPercent: 20, flapExitPercent: 30 }),
    ).toThrow(RangeError);
    expect(() => evaluate(runs, { intervalMs: 0 })).toThrow(RangeError);
    expect(() => evaluateCanaryCheck(runs, { now: 'soon' })).toThrow(
      RangeError,
    );
  });

  it('ignores runs that start after now, and the order the runs arrive in', () => {
    const runs = series('pp fff pp');
    const before = evaluateCanaryCheck([...runs].reverse(), {
      now: minute(4.5),
    })!;
    expect(before.state).toBe('down');
    expect(before.lastRunAt).toBe(minute(4));
    expect(evaluate([...runs].reverse())).toEqual(evaluate(runs));
  });

  it('evaluates every check of every cluster apart, sorted by cluster then check', () => {
    const runs = [
      ...series('fff', { cluster: 'prod-us' }),
      ...series('pp', {
        cluster: 'prod-eu',
        check: 'dns-resolve',
        capability: 'dns',
      }),
      ...series('ppp'),
    ];
    const statuses = evaluateCanaryChecks(runs, { now: minute(3) });
    expect(statuses.map(s => [s.cluster, s.check, s.state])).toEqual([
      ['prod-eu', 'dns-resolve', 'up'],
      ['prod-eu', 'ingress-http', 'up'],
      ['prod-us', 'ingress-http', 'down'],
    ]);
    expect(() => evaluateCanaryCheck(runs, { now: minute(3) })).toThrow(
      RangeError,
    );
  });

  it('takes the capability and last outcome from the latest run', () => {
    const status = evaluate([
      run(0, 'pass', { capability: 'dns' }),
      run(1, 'error'),
    ]);
    expect(status.capability).toBe('ingress');
    expect(status.lastOutcome).toBe('error');
  });
});

describe('evaluateCanaryCheck: resuming from a stored memory', () => {
  const runs = series('pp fff e pp f p fpfpfpfpfp ffff tt pp');
  const maintenance = [{ from: minute(7), to: minute(9) }];
  const whole = evaluateCanaryCheck(runs, {
    now: justAfter(runs),
    maintenance,
  })!;

  it('exercises transitions, flapping, errors and maintenance', () => {
    expect(whole.transitions.length).toBeGreaterThanOrEqual(3);
    expect(whole.flappingChanges.map(c => c.flapping)).toContain(true);
  });

  it.each([1, 5, 6, 12, 20, runs.length - 1])(
    'gives the same state after splitting the runs at %i',
    split => {
      const first = evaluateCanaryCheck(runs.slice(0, split), {
        now: runs[split - 1].startedAt,
        maintenance,
      })!;
      const second = evaluateCanaryCheck(runs.slice(split), {
        now: justAfter(runs),
        maintenance,
        resumeFrom: first.memory,
      })!;
      expect(second.memory).toEqual(whole.memory);
      expect([...first.transitions, ...second.transitions]).toEqual(
        whole.transitions,
      );
      expect([...first.flappingChanges, ...second.flappingChanges]).toEqual(
        whole.flappingChanges,
      );
      expect(second.display).toBe(whole.display);
    },
  );

  it('ignores runs it has already seen, and reads staleness with no new run', () => {
    const again = evaluateCanaryCheck(runs, {
      now: justAfter(runs),
      maintenance,
      resumeFrom: whole.memory,
    })!;
    expect(again.transitions).toEqual([]);
    expect(again.memory).toEqual(whole.memory);
    const later = evaluateCanaryCheck([], {
      now: minute(runs.length + 5),
      intervalMs: 60_000,
      resumeFrom: whole.memory,
    })!;
    expect(later.stale).toBe(true);
    expect(later.state).toBe(whole.state);
    expect(later.cluster).toBe('prod-eu');
  });

  it('does not change the memory it resumes from', () => {
    const before = JSON.stringify(whole.memory);
    evaluateCanaryCheck(series('fffff', {}, 100), {
      now: minute(200),
      resumeFrom: whole.memory,
    });
    expect(JSON.stringify(whole.memory)).toBe(before);
  });

  it('rejects runs of another check', () => {
    expect(() =>
      evaluateCanaryCheck(series('p', { cluster: 'prod-us' }, 100), {
        now: minute(200),
        resumeFrom: whole.memory,
      }),
    ).toThrow(RangeError);
  });
});
