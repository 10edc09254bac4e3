import { evaluateCanaryChecks } from './evaluate';
import {
  canaryFailingPeriods,
  canaryStateAt,
  platformOrProduct,
} from './platformOrProduct';
import { minute, series } from './testRuns';

/**
 * eu ingress: passes at 0–1, fails at 2–4 (down declared at 4), passes at 5–6
 * (up declared at 6). eu dns and us ingress fail throughout (down from minute
 * 2).
 */
const histories = evaluateCanaryChecks(
  [
    ...series('pp fff pp', { cluster: 'eu' }),
    ...series(
      'fffffff',
      {
        cluster: 'eu',
        check: 'dns-resolve',
        capability: 'dns',
      },
      0,
    ),
    ...series('fffffff', { cluster: 'us' }),
  ],
  { now: minute(7) },
);
const euIngress = histories.find(
  h => h.cluster === 'eu' && h.check === 'ingress-http',
)!;

describe('canaryStateAt and canaryFailingPeriods', () => {
  it('gives the declared state at a time from the transitions', () => {
    const at = (m: number) => canaryStateAt(euIngress.transitions, minute(m));
    expect([at(0), at(1), at(3), at(4), at(5.9), at(6), at(60)]).toEqual([
      'unknown',
      'up',
      'up',
      'down',
      'down',
      'up',
      'up',
    ]);
  });

  it('dates a failing period, in hindsight, from the first failure to the first pass', () => {
    expect(canaryFailingPeriods(euIngress.transitions)).toEqual([
      { from: minute(2), to: minute(5) },
    ]);
    const still = histories.find(h => h.cluster === 'us')!;
    expect(canaryFailingPeriods(still.transitions)).toEqual([
      { from: minute(0) },
    ]);
  });
});

describe('platformOrProduct', () => {
  const ask = (
    m: number,
    cluster = 'eu',
    capabilities?: ('ingress' | 'dns')[],
  ) => platformOrProduct(histories, { at: minute(m), cluster, capabilities });

  it('says product when no canary it depends on was failing in its cluster', () => {
    expect(ask(1, 'eu', ['ingress'])).toEqual({ platform: false, failing: [] });
    expect(ask(5, 'eu', ['ingress']).platform).toBe(false);
  });

  it('says platform from the first failure of the streak, before down was declared', () => {
    // at minute 3 the state machine still said up; in hindsight ingress was failing
    expect(canaryStateAt(euIngress.transitions, minute(3))).toBe('up');
    const answer = ask(3, 'eu', ['ingress']);
    expect(answer.platform).toBe(true);
    expect(answer.failing).toEqual([
      {
        cluster: 'eu',
        check: 'ingress-http',
        capability: 'ingress',
        failingSince: minute(2),
        failingUntil: minute(5),
      },
    ]);
  });

  it('looks at every capability by default, in the asked cluster only', () => {
    expect(ask(6).failing.map(f => [f.check, f.failingUntil])).toEqual([
      ['dns-resolve', undefined],
    ]);
    expect(ask(3).failing.map(f => f.check)).toEqual([
      'dns-resolve',
      'ingress-http',
    ]);
    expect(ask(1, 'ap')).toEqual({ platform: false, failing: [] });
    expect(() =>
      platformOrProduct(histories, { at: 'then', cluster: 'eu' }),
    ).toThrow(RangeError);
  });
});
