import {
  CANARY_CAPABILITIES,
  isDownOutsideMaintenance,
  statusesFor,
} from './capabilities';
import { compareCheckKeys, compareText } from './order';
import type {
  CanaryCapability,
  CanaryCheckStatus,
  CanaryComponent,
  CanaryVerdict,
  CanaryVerdictOptions,
  CanaryVerdictStatus,
} from './types';

/** A component is down when one of these is down in every cluster it runs in. @public */
export const DEFAULT_CRITICAL_CAPABILITIES: readonly CanaryCapability[] = [
  'deploy',
  'ingress',
];

/** Down, stale or flapping outside maintenance: not a healthy signal. */
function isTroubled(s: CanaryCheckStatus): boolean {
  return !s.inMaintenance && (s.state === 'down' || s.stale || s.flapping);
}

/**
 * The component's verdict from the states of the checks in its clusters (of
 * the capabilities it depends on) at one `now`: `down` when a critical
 * capability is down in every one of its clusters; `degraded` when any check
 * is down, stale or flapping; `healthy` when at least one check is up and none
 * is troubled; `unknown` when no check says anything yet. Checks in
 * maintenance at `now` are ignored.
 *
 * @public
 */
export function canaryVerdict(
  component: CanaryComponent,
  statuses: CanaryCheckStatus[],
  options: CanaryVerdictOptions = {},
): CanaryVerdict {
  const considered = statusesFor(statuses, component);
  const dependsOn = new Set(component.dependsOn ?? CANARY_CAPABILITIES);
  const clusters = [...new Set(component.clusters)];

  const critical =
    options.criticalCapabilities ?? DEFAULT_CRITICAL_CAPABILITIES;
  const downCapabilities = [...new Set(critical)]
    .filter(capability => dependsOn.has(capability))
    .filter(
      capability =>
        clusters.length > 0 &&
        clusters.every(cluster =>
          considered.some(
            s =>
              s.cluster === cluster &&
              s.capability === capability &&
              isDownOutsideMaintenance(s),
          ),
        ),
    )
    .sort(compareText);

  const reasons = considered
    .filter(isTroubled)
    .sort(compareCheckKeys)
    .map(s => ({
      cluster: s.cluster,
      check: s.check,
      capability: s.capability,
      display: s.display,
    }));
  const anyUp = considered.some(s => s.display === 'up');

  let verdict: CanaryVerdictStatus = 'unknown';
  if (downCapabilities.length > 0) verdict = 'down';
  else if (reasons.length > 0) verdict = 'degraded';
  else if (anyUp) verdict = 'healthy';

  const latestRunAt = considered
    .map(s => s.lastRunAt)
    .filter((at): at is string => at !== undefined)
    .reduce<string | undefined>(
      (latest, at) =>
        latest === undefined || Date.parse(at) > Date.parse(latest)
          ? at
          : latest,
      undefined,
    );

  return {
    verdict,
    reasons,
    downCapabilities,
    latestRunAt,
    checks: considered.length,
  };
}
