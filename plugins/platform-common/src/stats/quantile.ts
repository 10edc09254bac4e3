/**
 * Quantile with linear interpolation between the closest ranks (R-7, numpy's
 * default), so the median of an even-sized set is the mean of the middle two.
 * Returns null for an empty set.
 *
 * @public
 */
export function interpolatedQuantile(
  values: number[],
  q: number,
): number | null {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  }
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}

/** The interpolated median; null for an empty set. @public */
export function median(values: number[]): number | null {
  return interpolatedQuantile(values, 0.5);
}
