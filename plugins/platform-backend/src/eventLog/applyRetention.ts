import { LoggerService } from '@backstage/backend-plugin-api';
import { EventStore } from './EventStore';

/** Rows per statement: short transactions that never hold many locks. */
const BATCH = 1000;

export interface RetentionSettings {
  /** Unlinked events received longer ago are deleted; undefined keeps them. */
  unlinkedEventsMs?: number;
  /** Source payloads of events received longer ago are cleared; undefined keeps them. */
  rawPayloadsMs?: number;
}

export interface RetentionResult {
  deletedUnlinked: number;
  clearedRaw: number;
}

/**
 * Applies the retention settings to the event log, in batches of `batchSize`
 * until nothing is left or `signal` aborts (the task's timeout): the next run
 * goes on. Deletes only unlinked events and clears only the `raw` column: linked
 * events, the canonical event of every kept row and the projection tables are
 * never touched, so no metric changes.
 */
export async function applyRetention(options: {
  store: EventStore;
  settings: RetentionSettings;
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

  const result: RetentionResult = { deletedUnlinked: 0, clearedRaw: 0 };
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
  if (result.deletedUnlinked > 0 || result.clearedRaw > 0) {
    logger.info(
      `Retention deleted ${result.deletedUnlinked} unlinked events and cleared ${result.clearedRaw} source payloads`,
    );
  }
  return result;
}
