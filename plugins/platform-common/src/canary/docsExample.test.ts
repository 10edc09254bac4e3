import { evaluateCanaryCheck } from './evaluate';
import { canaryFailingPeriods, platformOrProduct } from './platformOrProduct';
import { minute, series } from './testRuns';

/** The worked example of docs/canary.md: 10:00 … 10:09, one run a minute. */
describe('docs/canary.md worked example', () => {
  const runs = series('pp fte f pfpp');
  const status = evaluateCanaryCheck(runs, {
    now: minute(9.5),
    intervalMs: 60_000,
  })!;

  it('has the transitions the table shows', () => {
    expect(
      status.transitions.map(t => [t.at, t.from, t.to, t.streakStartedAt]),
    ).toEqual([
      [minute(1), 'unknown', 'up', minute(0)],
      [minute(5), 'up', 'down', minute(2)],
      [minute(9), 'down', 'up', minute(8)],
    ]);
  });

  it('has the flap percentage the flapping section computes', () => {
    expect(status.flapPercent).toBeCloseTo(432 / 19, 12);
    expect(status.flapping).toBe(false);
  });

  it('is failing in hindsight from 10:02 to 10:08', () => {
    expect(canaryFailingPeriods(status.transitions)).toEqual([
      { from: minute(2), to: minute(8) },
    ]);
    const at = (m: number) =>
      platformOrProduct([status], { at: minute(m), cluster: 'prod-eu' })
        .platform;
    expect([at(1), at(2), at(7.99), at(8)]).toEqual([false, true, true, false]);
  });

  it('is stale from two intervals after the latest result', () => {
    const at = (m: number) =>
      evaluateCanaryCheck(runs, { now: minute(m), intervalMs: 60_000 })!.stale;
    expect([at(10.99), at(11)]).toEqual([false, true]);
  });
});
