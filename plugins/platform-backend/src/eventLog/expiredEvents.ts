import {
  CanonicalEventType,
  DAY_MS,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { Projection } from '../projections/Projection';
import { ProjectionStateStore } from '../projections/ProjectionStateStore';

/**
 * How long the shared log keeps events of some types, as a feature declares
 * it (`PlatformFeature.eventLogRetention`). Events of these types, linked or
 * not, leave the log once they occurred before the hour `days` days ago and
 * every projection reading their type has read past them. Types no feature
 * declares are kept forever.
 */
export interface EventLogRetention {
  readonly types: readonly CanonicalEventType[];
  /** Whole days, 1 or more; when several features declare a type, the longest wins. */
  readonly days: number;
}

/** One type's deletion bounds for a retention run. */
export interface ExpiredEventsBound {
  type: CanonicalEventType;
  /** Events that occurred before this (on the hour) have expired. */
  occurredBefore: string;
  /**
   * The lowest cursor of the projections reading the type: events after it
   * have not been read by all of them yet. Undefined when none reads it.
   */
  upToSeq?: number;
}

/** The longest declared retention per type; throws on a period that is not whole days ≥ 1. */
export function retentionDaysByType(
  rules: readonly EventLogRetention[],
): Map<CanonicalEventType, number> {
  const days = new Map<CanonicalEventType, number>();
  for (const rule of rules) {
    if (!Number.isInteger(rule.days) || rule.days < 1) {
      throw new Error(
        `Event log retention of ${rule.types.join(
          ', ',
        )} must be whole days, 1 or more; got ${rule.days}`,
      );
    }
    for (const type of rule.types) {
      days.set(type, Math.max(days.get(type) ?? 0, rule.days));
    }
  }
  return days;
}

/**
 * Where each declared type's deletion stops. The time cutoff is floored to
 * the hour, as the cost and canary raw retention (`rawSince`,
 * `canaryRawSince`) are, so no event the projections would still project
 * (its hour or run start at or after their cutoff) is deleted.
 */
export async function expiredEventsBounds(options: {
  rules: readonly EventLogRetention[];
  projections: readonly Pick<Projection, 'name' | 'eventTypes'>[];
  cursors: Pick<ProjectionStateStore, 'status'>;
  nowMs: number;
}): Promise<ExpiredEventsBound[]> {
  const byType = retentionDaysByType(options.rules);
  if (byType.size === 0) return [];
  const { projections } = options;
  // a projection that never ran has no row: status reports cursor 0
  const statuses = await options.cursors.status(projections.map(p => p.name));
  return [...byType].map(([type, days]) => {
    const readers = statuses.filter((_, i) =>
      projections[i].eventTypes.includes(type),
    );
    const cutoffMs = options.nowMs - days * DAY_MS;
    return {
      type,
      occurredBefore: new Date(
        Math.floor(cutoffMs / HOUR_MS) * HOUR_MS,
      ).toISOString(),
      upToSeq:
        readers.length > 0
          ? Math.min(...readers.map(r => r.cursor))
          : undefined,
    };
  });
}
