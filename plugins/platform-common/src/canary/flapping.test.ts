import { evaluateCanaryCheck } from './evaluate';
import { flapPercent } from './flapping';
import { justAfter, series } from './testRuns';

const P = true;
const F = false;
/** 21 results alternating pass/fail, starting with a pass. */
const alternating = (n: number) =>
  Array.from({ length: n }, (_, i) => i % 2 === 0);
const repeat = (value: boolean, n: number) =>
  Array.from<boolean>({ length: n }).fill(value);

describe('flapPercent', () => {
  it('is 0 for steady results and 100 when every result differs', () => {
    expect(flapPercent(repeat(P, 21))).toBe(0);
    expect(flapPercent(alternating(21))).toBe(100);
  });

  it('weighs a change from 0.8 (oldest comparison) to 1.2 (newest)', () => {
    // one change in the newest comparison: 1.2 ÷ 20 = 6 %
    expect(flapPercent([...repeat(P, 20), F])).toBeCloseTo(6, 12);
    // one change in the oldest: 0.8 ÷ 20 = 4 %
    expect(flapPercent([P, ...repeat(F, 20)])).toBeCloseTo(4, 12);
  });

  it('gives the same ten changes more weight when they are recent', () => {
    // changes in comparisons 10–19: Σ (76 + 2j) = 1050, ÷ 19 = 55.26 %
    const recent = [...repeat(P, 10), ...alternating(11)];
    expect(flapPercent(recent)).toBeCloseTo(1050 / 19, 12);
    // changes in comparisons 0–9: Σ = 850, ÷ 19 = 44.74 %
    const old = [...alternating(11), ...repeat(P, 10)];
    expect(flapPercent(old)).toBeCloseTo(850 / 19, 12);
  });

  it('looks at the last 21 results only, and fills a short history at the newest end', () => {
    expect(flapPercent([F, P, ...repeat(P, 20)])).toBe(0);
    // two results, one change: it is the newest comparison
    expect(flapPercent([P, F])).toBeCloseTo(6, 12);
    expect(flapPercent([P])).toBe(0);
    expect(flapPercent([])).toBe(0);
  });
});

describe('evaluateCanaryCheck: flapping with hysteresis', () => {
  const evaluate = (letters: string) => {
    const runs = series(letters);
    return evaluateCanaryCheck(runs, { now: justAfter(runs) })!;
  };
  const steady = 'p'.repeat(21);
  /** `n` results alternating f, p, f, … after a pass. */
  const flips = (n: number) =>
    Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'f' : 'p')).join('');

  it('enters at 50 %: k alternations after steady passes weigh k(115 − k) ÷ 19', () => {
    // k = 8: 856 ÷ 19 = 45.05 %, below the entry threshold
    const eight = evaluate(steady + flips(8));
    expect(eight.flapPercent).toBeCloseTo(856 / 19, 12);
    expect(eight.flapping).toBe(false);
    // k = 9: 954 ÷ 19 = 50.21 %
    const nine = evaluate(steady + flips(9));
    expect(nine.flapPercent).toBeCloseTo(954 / 19, 12);
    expect(nine.flapping).toBe(true);
    expect(nine.display).toBe('flapping');
    expect(nine.flappingChanges).toEqual([
      { at: nine.lastRunAt, flapping: true, percent: 954 / 19 },
    ]);
    // the alternations never made three failures in a row: still up
    expect(nine.state).toBe('up');
  });

  it('stays flapping between the thresholds and exits at 25 %', () => {
    // 21 alternating results (100 %), then s steady passes: (20 − s)(95 − s) ÷ 19
    const flapped = `p${flips(20)}`;
    const after = (s: number) => evaluate(flapped + 'p'.repeat(s));
    expect(after(0).flapping).toBe(true);
    // s = 10: 44.7 %, under the entry threshold but above the exit one: still flapping
    expect(after(10).flapPercent).toBeCloseTo(850 / 19, 12);
    expect(after(10).flapping).toBe(true);
    // s = 14: 25.58 %, still above 25 %
    expect(after(14).flapPercent).toBeCloseTo(486 / 19, 12);
    expect(after(14).flapping).toBe(true);
    // s = 15: 21.05 %: stops
    const stopped = after(15);
    expect(stopped.flapPercent).toBeCloseTo(400 / 19, 12);
    expect(stopped.flapping).toBe(false);
    expect(stopped.display).toBe('up');
    expect(stopped.flappingChanges.map(c => c.flapping)).toEqual([true, false]);
    expect(stopped.flappingChanges[1].at).toBe(stopped.lastRunAt);
  });

  it('marks transitions made while flapping, so notifications can be muted', () => {
    // thresholds of 1: every change of result is a transition
    const runs = series(`pp${'fp'.repeat(8)}`);
    const status = evaluateCanaryCheck(runs, {
      now: justAfter(runs),
      failuresToDown: 1,
      passesToUp: 1,
    })!;
    const flags = status.transitions.map(t => t.flapping);
    // the first transitions come before the changes add up to 50 %
    expect(flags.slice(0, 3)).toEqual([false, false, false]);
    expect(flags.slice(-3)).toEqual([true, true, true]);
    expect(status.transitions[flags.indexOf(true)].at).toBe(
      status.flappingChanges[0].at,
    );
  });

  it('does not call a slow down-up cycle flapping: two changes in five results stay under 50 %', () => {
    const status = evaluate(`pp${'fffpp'.repeat(6)}`);
    expect(status.transitions.length).toBeGreaterThan(10);
    expect(status.flapPercent).toBeLessThan(50);
    expect(status.flapping).toBe(false);
  });
});
