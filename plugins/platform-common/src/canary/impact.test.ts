import { evaluateCanaryChecks } from './evaluate';
import { canaryImpact } from './impact';
import { minute, series } from './testRuns';
import type {
  CanaryCapability,
  CanaryEvaluateOptions,
  CanaryRun,
} from './types';

const CHECKS: Record<string, CanaryCapability> = {
  'ingress-http': 'ingress',
  'dns-resolve': 'dns',
  'deploy-app': 'deploy',
};

/** Runs from a table of cluster → check → results, one a minute from minute 0. */
function fleet(table: Record<string, Record<string, string>>): CanaryRun[] {
  return Object.entries(table).flatMap(([cluster, checks]) =>
    Object.entries(checks).flatMap(([check, letters]) =>
      series(letters, { cluster, check, capability: CHECKS[check] }),
    ),
  );
}

const DOWN = 'pp fff';
const UP = 'pp ppp';

/** eu and us lose ingress, au loses DNS; deploys work everywhere. */
const runs = fleet({
  eu: { 'ingress-http': DOWN, 'dns-resolve': UP, 'deploy-app': UP },
  us: { 'ingress-http': DOWN, 'dns-resolve': UP, 'deploy-app': UP },
  au: { 'ingress-http': UP, 'dns-resolve': DOWN, 'deploy-app': UP },
});
const evaluate = (extra: Partial<CanaryEvaluateOptions> = {}) =>
  evaluateCanaryChecks(runs, { now: minute(4.5), ...extra });

const components = [
  { entityRef: 'component:default/checkout', clusters: ['eu', 'us'] },
  { entityRef: 'component:default/search', clusters: ['au'] },
  {
    entityRef: 'component:default/billing',
    clusters: ['eu'],
    dependsOn: ['dns', 'deploy'] as CanaryCapability[],
  },
  { entityRef: 'component:default/batch', clusters: ['ap', 'eu', 'ap'] },
];

describe('canaryImpact', () => {
  it('marks every component in a cluster with what is down there', () => {
    const impact = canaryImpact(evaluate(), components);
    const [checkout, search, billing, batch] = impact.components;
    expect(checkout.failing.map(f => [f.cluster, f.check])).toEqual([
      ['eu', 'ingress-http'],
      ['us', 'ingress-http'],
    ]);
    expect(checkout.failingCapabilities).toEqual(['ingress']);
    expect(checkout.failing[0]).toMatchObject({
      capability: 'ingress',
      since: minute(4),
      consecutiveFailures: 3,
      stale: false,
    });
    expect(search.failing.map(f => [f.cluster, f.capability])).toEqual([
      ['au', 'dns'],
    ]);
    // billing does not depend on ingress
    expect(billing.failing).toEqual([]);
    expect(billing.platformWide).toBe(false);
    // a cluster with no canary is said, not taken for healthy
    expect(batch.uncoveredClusters).toEqual(['ap']);
    expect(batch.failingCapabilities).toEqual(['ingress']);
  });

  it('flags a check down in two clusters at once as platform-wide', () => {
    const impact = canaryImpact(evaluate(), components);
    expect(impact.platformWide).toEqual([
      {
        check: 'ingress-http',
        capability: 'ingress',
        clustersDown: ['eu', 'us'],
        clustersRunning: 3,
      },
    ]);
    const [checkout, search] = impact.components;
    expect(checkout.platformWide).toBe(true);
    expect(checkout.failing.every(f => f.platformWide)).toBe(true);
    // DNS is down in au only: that cluster's trouble
    expect(search.platformWide).toBe(false);
  });

  it('takes another minimum, and leaves checks in maintenance out', () => {
    expect(
      canaryImpact(evaluate(), components, { platformWideMinClusters: 3 })
        .platformWide,
    ).toEqual([]);
    // us went down at minute 4; its maintenance starts after that, before now
    const usInMaintenance = evaluate({
      maintenance: [{ clusters: ['us'], from: minute(4.2), to: minute(30) }],
    });
    const us = usInMaintenance.find(
      s => s.cluster === 'us' && s.check === 'ingress-http',
    )!;
    expect([us.state, us.display]).toEqual(['down', 'maintenance']);
    const impact = canaryImpact(usInMaintenance, components);
    expect(impact.platformWide).toEqual([]);
    expect(impact.components[0].failing.map(f => f.cluster)).toEqual(['eu']);
    expect(() =>
      canaryImpact(evaluate(), components, { platformWideMinClusters: 0 }),
    ).toThrow(RangeError);
  });
});
