import { isDownOutsideMaintenance, statusesFor } from './capabilities';
import { compareCheckKeys, compareText } from './order';
import type {
  CanaryCapability,
  CanaryCheckStatus,
  CanaryComponent,
  CanaryComponentImpact,
  CanaryImpact,
  CanaryImpactOptions,
  CanaryPlatformWideCheck,
} from './types';

/** Down in this many clusters at once makes a check platform-wide. @public */
export const DEFAULT_PLATFORM_WIDE_MIN_CLUSTERS = 2;

/** (check, capability): one check name could test different things per cluster. */
const checkId = (s: { check: string; capability: string }) =>
  `${s.check}\u0000${s.capability}`;

function platformWideChecks(
  statuses: CanaryCheckStatus[],
  minClusters: number,
): CanaryPlatformWideCheck[] {
  const byCheck = new Map<
    string,
    {
      check: string;
      capability: CanaryCapability;
      running: Set<string>;
      down: string[];
    }
  >();
  for (const s of statuses) {
    const entry = byCheck.get(checkId(s)) ?? {
      check: s.check,
      capability: s.capability,
      running: new Set<string>(),
      down: [],
    };
    byCheck.set(checkId(s), entry);
    entry.running.add(s.cluster);
    if (isDownOutsideMaintenance(s)) entry.down.push(s.cluster);
  }
  return [...byCheck.values()]
    .filter(e => new Set(e.down).size >= minClusters)
    .map(e => ({
      check: e.check,
      capability: e.capability,
      clustersDown: [...new Set(e.down)].sort(compareText),
      clustersRunning: e.running.size,
    }))
    .sort(
      (x, y) =>
        compareText(x.check, y.check) ||
        compareText(x.capability, y.capability),
    );
}

/**
 * Who is affected by what is down: per component, the checks down in its
 * clusters (of the capabilities it depends on), and the checks down in at
 * least `platformWideMinClusters` clusters at once. `statuses` are every
 * check's state at one `now`; checks in maintenance at `now` do not count.
 *
 * @public
 */
export function canaryImpact(
  statuses: CanaryCheckStatus[],
  components: CanaryComponent[],
  options: CanaryImpactOptions = {},
): CanaryImpact {
  const minClusters =
    options.platformWideMinClusters ?? DEFAULT_PLATFORM_WIDE_MIN_CLUSTERS;
  if (!Number.isInteger(minClusters) || minClusters < 1) {
    throw new RangeError('platformWideMinClusters must be a whole number ≥ 1');
  }
  const platformWide = platformWideChecks(statuses, minClusters);
  const wide = new Set(platformWide.map(checkId));

  const impactOf = (component: CanaryComponent): CanaryComponentImpact => {
    const own = statusesFor(statuses, component);
    const failing = own
      .filter(isDownOutsideMaintenance)
      .sort(compareCheckKeys)
      .map(s => ({
        cluster: s.cluster,
        check: s.check,
        capability: s.capability,
        since: s.since,
        consecutiveFailures: s.consecutiveFailures,
        stale: s.stale,
        platformWide: wide.has(checkId(s)),
      }));
    const covered = new Set(own.map(s => s.cluster));
    return {
      entityRef: component.entityRef,
      failing,
      failingCapabilities: [...new Set(failing.map(f => f.capability))].sort(
        compareText,
      ),
      platformWide: failing.some(f => f.platformWide),
      uncoveredClusters: [...new Set(component.clusters)]
        .filter(c => !covered.has(c))
        .sort(compareText),
    };
  };

  return { components: components.map(impactOf), platformWide };
}
