/**
 * A metric's value now and in the previous period of equal length.
 *
 * @public
 */
export interface MetricChange {
  current: number | null | undefined;
  previous: number | null | undefined;
  /** Whether a rising value is an improvement (deployments) or not (lead time). */
  higherIsBetter: boolean;
  /** Formats the absolute difference, e.g. `d => d.toFixed(1)`. */
  format?: (difference: number) => string;
  /** What is compared against; default "previous period". */
  comparedTo?: string;
}

/**
 * How a metric moved: its direction and whether that is good for this metric.
 * `direction` is `none` when either value is missing.
 *
 * @public
 */
export interface ChangeDescription {
  direction: 'up' | 'down' | 'flat' | 'none';
  sentiment: 'better' | 'worse' | 'neutral';
  difference: number | null;
}

/** @public */
export function describeChange(change: MetricChange): ChangeDescription {
  const { current, previous, higherIsBetter } = change;
  if (
    current === null ||
    current === undefined ||
    previous === null ||
    previous === undefined ||
    !Number.isFinite(current) ||
    !Number.isFinite(previous)
  ) {
    return { direction: 'none', sentiment: 'neutral', difference: null };
  }
  const difference = current - previous;
  if (Math.abs(difference) < 1e-9) {
    return { direction: 'flat', sentiment: 'neutral', difference: 0 };
  }
  const up = difference > 0;
  return {
    direction: up ? 'up' : 'down',
    sentiment: up === higherIsBetter ? 'better' : 'worse',
    difference,
  };
}
