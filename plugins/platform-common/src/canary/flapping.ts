/** Results looked at by the flapping detector (Nagios: 21, so 20 comparisons). @public */
export const CANARY_FLAP_HISTORY = 21;

const COMPARISONS = CANARY_FLAP_HISTORY - 1;

/**
 * The weighted percentage of state changes over the last 21 results, as Nagios
 * computes it: comparison j (0 = oldest … 19 = newest) weighs
 * 0.8 + 0.4 × j ÷ 19, and the sum of the weights of the comparisons whose two
 * results differ is divided by 20. Written over the integer (76 + 2j) ÷ 95 so
 * the same changes always give the same bits. A shorter history fills the
 * newest comparisons; the missing older ones count as no change.
 *
 * @param results - oldest first; true = pass, false = failure
 * @public
 */
export function flapPercent(results: readonly boolean[]): number {
  const recent = results.slice(-CANARY_FLAP_HISTORY);
  const firstSlot = COMPARISONS - (recent.length - 1);
  let weighted = 0;
  for (let i = 1; i < recent.length; i++) {
    if (recent[i] !== recent[i - 1]) {
      weighted += 76 + 2 * (firstSlot + i - 1);
    }
  }
  // Σ (76 + 2j) ÷ 95 ÷ 20 × 100 = Σ (76 + 2j) ÷ 19
  return weighted / 19;
}

/** Hysteresis: start at ≥ enter, stop at ≤ exit, otherwise keep. */
export function nextFlapping(
  flapping: boolean,
  percent: number,
  thresholds: { flapEnterPercent: number; flapExitPercent: number },
): boolean {
  if (!flapping && percent >= thresholds.flapEnterPercent) return true;
  if (flapping && percent <= thresholds.flapExitPercent) return false;
  return flapping;
}
