import { evaluateCanaryChecks } from './evaluate';
import { minute, series } from './testRuns';
import { canaryVerdict } from './verdict';
import type {
  CanaryCapability,
  CanaryComponent,
  CanaryEvaluateOptions,
  CanaryRun,
} from './types';

const CAPABILITY: Record<string, CanaryCapability> = {
  ingress: 'ingress',
  dns: 'dns',
  deploy: 'deploy',
};

/**
 * Runs from 'cluster/capability' → results, one a minute from minute 0; the
 * check is named after its capability.
 */
function runsOf(table: Record<string, string>): CanaryRun[] {
  return Object.entries(table).flatMap(([id, letters]) => {
    const [cluster, check] = id.split('/');
    return series(letters, { cluster, check, capability: CAPABILITY[check] });
  });
}

const checkout: CanaryComponent = {
  entityRef: 'component:default/checkout',
  clusters: ['eu', 'us'],
};
const UP = 'ppppp';
const DOWN = 'ppfff';

function verdictOf(
  table: Record<string, string>,
  extra: Partial<CanaryEvaluateOptions> = {},
  component = checkout,
) {
  const statuses = evaluateCanaryChecks(runsOf(table), {
    now: minute(4.5),
    intervalMs: 60_000,
    ...extra,
  });
  return canaryVerdict(component, statuses);
}

describe('canaryVerdict', () => {
  it('is healthy when every check in its clusters is up, with the latest run as freshness', () => {
    const verdict = verdictOf({
      'eu/ingress': UP,
      'us/ingress': UP,
      'eu/dns': 'ppppp',
      'ap/dns': 'ffffffffff', // another cluster: not its business
    });
    expect(verdict).toEqual({
      verdict: 'healthy',
      reasons: [],
      downCapabilities: [],
      latestRunAt: minute(4),
      checks: 3,
    });
  });

  it('is degraded when a check is down in some of its clusters', () => {
    const verdict = verdictOf({ 'eu/ingress': DOWN, 'us/ingress': UP });
    expect(verdict.verdict).toBe('degraded');
    expect(verdict.reasons).toEqual([
      {
        cluster: 'eu',
        check: 'ingress',
        capability: 'ingress',
        display: 'down',
      },
    ]);
  });

  it('is down when deploy or ingress is down in every cluster it runs in', () => {
    const ingress = verdictOf({ 'eu/ingress': DOWN, 'us/ingress': DOWN });
    expect(ingress.verdict).toBe('down');
    expect(ingress.downCapabilities).toEqual(['ingress']);
    const deploy = verdictOf({
      'eu/deploy': DOWN,
      'us/deploy': DOWN,
      'eu/ingress': UP,
    });
    expect(deploy.downCapabilities).toEqual(['deploy']);
    // DNS is not critical: down everywhere is degraded
    expect(verdictOf({ 'eu/dns': DOWN, 'us/dns': DOWN }).verdict).toBe(
      'degraded',
    );
    // a cluster with no ingress check cannot be called down
    expect(verdictOf({ 'eu/ingress': DOWN, 'us/dns': UP }).verdict).toBe(
      'degraded',
    );
  });

  it('takes other critical capabilities', () => {
    const statuses = evaluateCanaryChecks(
      runsOf({ 'eu/dns': DOWN, 'us/dns': DOWN }),
      { now: minute(4.5) },
    );
    const verdict = canaryVerdict(checkout, statuses, {
      criticalCapabilities: ['dns'],
    });
    expect([verdict.verdict, verdict.downCapabilities]).toEqual([
      'down',
      ['dns'],
    ]);
  });

  it('is degraded by a stale or flapping check, never silently green', () => {
    const stale = verdictOf(
      { 'eu/ingress': UP, 'us/ingress': 'pp' },
      { now: minute(4.5) },
    );
    expect(stale.verdict).toBe('degraded');
    expect(stale.reasons.map(r => [r.cluster, r.display])).toEqual([
      ['us', 'stale'],
    ]);
    const flapping = verdictOf(
      { 'eu/ingress': 'p'.repeat(21) + 'fp'.repeat(5), 'us/ingress': UP },
      { now: minute(30.5) },
    );
    expect(flapping.reasons.map(r => [r.cluster, r.display])).toEqual([
      ['eu', 'flapping'],
      ['us', 'stale'],
    ]);
  });

  it('leaves checks in maintenance out', () => {
    const verdict = verdictOf(
      { 'eu/ingress': DOWN, 'us/ingress': DOWN },
      { maintenance: [{ clusters: ['us'], from: minute(4.2), to: minute(9) }] },
    );
    // us is planned work; eu alone is down: degraded, not down
    expect(verdict.verdict).toBe('degraded');
    expect(verdict.reasons.map(r => r.cluster)).toEqual(['eu']);
    const allPlanned = verdictOf(
      { 'eu/ingress': DOWN },
      { maintenance: [{ from: minute(4.2), to: minute(9) }] },
    );
    expect(allPlanned.verdict).toBe('unknown');
  });

  it('only looks at the capabilities the component depends on', () => {
    const verdict = verdictOf(
      { 'eu/ingress': DOWN, 'us/ingress': DOWN, 'eu/dns': UP },
      {},
      { ...checkout, dependsOn: ['dns'] },
    );
    expect(verdict.verdict).toBe('healthy');
    expect(verdict.checks).toBe(1);
  });

  it('is unknown with no check or no result yet', () => {
    expect(verdictOf({})).toMatchObject({ verdict: 'unknown', checks: 0 });
    expect(
      verdictOf({ 'eu/ingress': 'ppppp' }, {}, { ...checkout, clusters: [] })
        .verdict,
    ).toBe('unknown');
    const early = verdictOf({ 'eu/ingress': 'p' }, { now: minute(0.5) });
    expect(early.verdict).toBe('unknown');
    expect(early.latestRunAt).toBe(minute(0));
  });
});
