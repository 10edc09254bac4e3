import { CANARY_CAPABILITIES } from './capabilities';
import { compareCheckKeys } from './order';
import type {
  CanaryCapability,
  CanaryCheckHistory,
  CanaryPlatformOrProduct,
  CanaryState,
  CanaryTransition,
} from './types';

/**
 * The state as the check declared it at `at`: the `to` of the last transition
 * at or before `at`, `unknown` before the first.
 *
 * @public
 */
export function canaryStateAt(
  transitions: CanaryTransition[],
  at: string,
): CanaryState {
  const atMs = Date.parse(at);
  let state: CanaryState = 'unknown';
  for (const t of transitions) {
    if (Date.parse(t.at) > atMs) break;
    state = t.to;
  }
  return state;
}

/**
 * The periods a check was failing, in hindsight: from the first failure of
 * the streak that made it down to the first pass of the streak that made it
 * up again (open while it is still down). Transitions must be in time order,
 * as `evaluateCanaryChecks` returns them.
 *
 * @public
 */
export function canaryFailingPeriods(
  transitions: CanaryTransition[],
): { from: string; to?: string }[] {
  const periods: { from: string; to?: string }[] = [];
  for (const t of transitions) {
    if (t.to === 'down') periods.push({ from: t.streakStartedAt });
    else if (
      periods.length > 0 &&
      periods[periods.length - 1].to === undefined
    ) {
      periods[periods.length - 1].to = t.streakStartedAt;
    }
  }
  return periods;
}

/**
 * Platform or product? Whether a canary of a capability the component depends
 * on (default all) was failing in `cluster` at `at` (a failed deployment's
 * finish, an incident's opening), and which.
 *
 * @public
 */
export function platformOrProduct(
  histories: CanaryCheckHistory[],
  query: { at: string; cluster: string; capabilities?: CanaryCapability[] },
): CanaryPlatformOrProduct {
  const atMs = Date.parse(query.at);
  if (!Number.isFinite(atMs)) {
    throw new RangeError(`at must be a timestamp, got ${query.at}`);
  }
  const capabilities = new Set(query.capabilities ?? CANARY_CAPABILITIES);
  const failing = histories
    .filter(h => h.cluster === query.cluster && capabilities.has(h.capability))
    .sort(compareCheckKeys)
    .flatMap(h => {
      const period = canaryFailingPeriods(h.transitions).find(
        p =>
          Date.parse(p.from) <= atMs &&
          (p.to === undefined || atMs < Date.parse(p.to)),
      );
      return period
        ? [
            {
              cluster: h.cluster,
              check: h.check,
              capability: h.capability,
              failingSince: period.from,
              failingUntil: period.to,
            },
          ]
        : [];
    });
  return { platform: failing.length > 0, failing };
}
