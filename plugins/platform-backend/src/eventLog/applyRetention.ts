import { LoggerService } from '@backstage/backend-plugin-api';
import { Projection } from '../projections/Projection';
import { ProjectionStateStore } from '../projections/ProjectionStateStore';
import { EventStore } from './EventStore';
import { EventLogRetention, expiredEventsBounds } from './expiredEvents';

/** Rows per statement: short transactions that never hold many locks. */
const BATCH = 1000;

export interface RetentionSettings {
  /** Unlinked events received longer ago are deleted; undefined keeps them. */
  unlinkedEventsMs?: number;
  /** Source payloads of events received longer ago are cleared; undefined keeps them. */
  rawPayloadsMs?: number;
}

/**
 * The features' per-type retention (PlatformFeature.eventLogRetention) and
 * what it must not outrun: the projections reading those types.
 */
export interface TypeRetention {
  rules: readonly EventLogRetention[];
  projections: readonly Pick<Projection, 'name' | 'eventTypes'>[];
  cursors: Pick<ProjectionStateStore, 'status'>;
}

export interface RetentionResult {
  /** Events of a declared type past its retention (linked or not). */
  deletedExpired: number;
  deletedUnlinked: number;
  clearedRaw: number;
}

/**
 * Applies retention to the event log, in batches of `batchSize` until nothing
 * is left or `signal` aborts (the task's timeout): the next run goes on.
 * Deletes events of the types features declared once past their period and
 * read by every projection of their type (those projections skip events that
 * old, so a replay shows the same); deletes unlinked events and clears the
 * `raw` column per `settings`. Other linked events, the canonical event of
 * every kept row and the projection tables are never touched.
 */
export async function applyRetention(options: {
  store: EventStore;
  settings: RetentionSettings;
  byType?: TypeRetention;
  logger: LoggerService;
  now?: () => Date;
  signal?: AbortSignal;
  batchSize?: number;
}): Promise<RetentionResult> {
  const { store, settings, logger, signal } = options;
  const batchSize = options.batchSize ?? BATCH;
  const nowMs = (options.now?.() ?? new Date()).getTime();
  const cutoff = (ms: number) => new Date(nowMs - ms).toISOString();

  const inBatches = async (step: (limit: number) => Promise<number>) => {
    let total = 0;
    while (!signal?.aborted) {
      const n = await step(batchSize);
      total += n;
      if (n < batchSize) break;
    }
    return total;
  };

  const result: RetentionResult = {
    deletedExpired: 0,
    deletedUnlinked: 0,
    clearedRaw: 0,
  };
  // first: the bulk of the log, and rows the steps below need not touch then
  const expired: string[] = [];
  if (options.byType) {
    const bounds = await expiredEventsBounds({
      ...options.byType,
      nowMs,
    });
    for (const bound of bounds) {
      const n = await inBatches(limit =>
        store.deleteExpired({ ...bound, limit }),
      );
      result.deletedExpired += n;
      if (n > 0) expired.push(`${n} ${bound.type}`);
    }
  }
  if (settings.unlinkedEventsMs !== undefined) {
    const before = cutoff(settings.unlinkedEventsMs);
    result.deletedUnlinked = await inBatches(limit =>
      store.deleteUnlinkedReceivedBefore(before, limit),
    );
  }
  if (settings.rawPayloadsMs !== undefined) {
    const before = cutoff(settings.rawPayloadsMs);
    result.clearedRaw = await inBatches(limit =>
      store.clearRawReceivedBefore(before, limit),
    );
  }
  if (expired.length > 0) {
    logger.info(
      `Retention deleted events past their type's retention: ${expired.join(
        ', ',
      )}`,
    );
  }
  if (result.deletedUnlinked > 0 || result.clearedRaw > 0) {
    logger.info(
      `Retention deleted ${result.deletedUnlinked} unlinked events and cleared ${result.clearedRaw} source payloads`,
    );
  }
  return result;
}
