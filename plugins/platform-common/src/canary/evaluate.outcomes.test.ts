import { evaluateCanaryCheck } from './evaluate';
import { justAfter, minute, run, series } from './testRuns';
import type { CanaryRun } from './types';

const evaluate = (runs: CanaryRun[], now = justAfter(runs)) =>
  evaluateCanaryCheck(runs, { now, intervalMs: 60_000 })!;

describe('evaluateCanaryCheck: error and timeout', () => {
  it('counts a timeout as a failure of the capability', () => {
    const status = evaluate(series('pp ttt'));
    expect(status.state).toBe('down');
    expect(status.consecutiveFailures).toBe(3);
    expect(evaluate(series('pp tft')).state).toBe('down');
  });

  it('neither counts an error as a failure nor lets it break a failing streak', () => {
    const status = evaluate(series('pp ff e f'));
    expect(status.state).toBe('down');
    // the streak bridges the error: down at the third failure, minute 5
    expect(status.since).toBe(minute(5));
    expect(status.transitions[1].streakStartedAt).toBe(minute(2));
    expect(status.consecutiveFailures).toBe(3);
  });

  it('neither counts an error as a pass nor lets it break a passing streak', () => {
    const status = evaluate(series('fff p e p'));
    expect(status.state).toBe('up');
    expect(status.since).toBe(minute(5));
    expect(status.consecutivePasses).toBe(2);
  });

  it('cannot take a check down or up with errors alone', () => {
    const errors = evaluate(series('eeeeee'));
    expect(errors.state).toBe('unknown');
    expect(errors.consecutiveFailures).toBe(0);
    expect(errors.lastResultAt).toBeUndefined();
    expect(evaluate(series('pp eeeeee')).state).toBe('up');
    expect(evaluate(series('fff eeeeee')).state).toBe('down');
  });

  it('leaves errors out of the flapping history', () => {
    // a pass, an error, a pass: no state change between the two passes
    expect(evaluate(series('p e p')).flapPercent).toBe(0);
    expect(evaluate(series('p f')).flapPercent).toBeGreaterThan(0);
  });
});

describe('evaluateCanaryCheck: stale', () => {
  it('is stale at two intervals after the last result, never before', () => {
    const runs = series('pp'); // last result at minute 1, interval 60 s
    const before = evaluate(runs, minute(2.99999));
    expect(before.stale).toBe(false);
    expect(before.display).toBe('up');
    const at = evaluate(runs, minute(3));
    expect(at.stale).toBe(true);
    expect(at.state).toBe('up');
    expect(at.display).toBe('stale');
  });

  it('is not kept fresh by errors: an erroring runner goes stale, not green', () => {
    const runs = series('pp eeee'); // errors at minutes 2–5
    const status = evaluate(runs, minute(5.5));
    expect(status.lastRunAt).toBe(minute(5));
    expect(status.lastResultAt).toBe(minute(1));
    expect(status.stale).toBe(true);
    expect(status.display).toBe('stale');
  });

  it('goes stale from the first run when no run ever gave a result', () => {
    const runs = series('ee');
    expect(evaluate(runs, minute(1.5)).stale).toBe(false);
    expect(evaluate(runs, minute(2)).stale).toBe(true);
  });

  it('shows stale over flapping and down', () => {
    const status = evaluate(series('pp fff'), minute(10));
    expect(status.state).toBe('down');
    expect(status.display).toBe('stale');
  });

  it('infers the interval from the median gap when none is given', () => {
    // runs every 5 minutes, one late by a minute: median gap stays 5 minutes
    const runs = [0, 5, 10, 16, 20].map(m => run(m, 'pass'));
    const at = (m: number) => evaluateCanaryCheck(runs, { now: minute(m) })!;
    expect(at(29.9).intervalMs).toBe(300_000);
    expect(at(29.9).stale).toBe(false);
    expect(at(30).stale).toBe(true);
  });

  it('falls back to 60 s with a single run and no interval', () => {
    const status = evaluateCanaryCheck(series('p'), { now: minute(2) })!;
    expect(status.intervalMs).toBe(60_000);
    expect(status.stale).toBe(true);
  });
});
