import { LoggerService } from '@backstage/backend-plugin-api';
import { canaryRawSince } from './canaryRows';
import { CanaryStore } from './CanaryStore';
import { CanarySettings } from './config';

/**
 * Deletes runs after `rawDays` (and checks that have not run since), hourly
 * roll-ups, transitions and rollouts after `hourlyDays`. Cutoffs are on the
 * hour, so an hour is never half deleted; the projection leaves out runs
 * older than the raw cutoff for the same reason.
 */
export async function applyCanaryRetention(options: {
  store: CanaryStore;
  retention: CanarySettings['retention'];
  logger: LoggerService;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const deleted = await options.store.deleteBefore({
    rawBefore: canaryRawSince(now, options.retention.rawDays),
    hourlyBefore: canaryRawSince(now, options.retention.hourlyDays),
  });
  const summary = Object.entries(deleted)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`);
  if (summary.length > 0) {
    options.logger.info(`canary retention deleted ${summary.join(', ')}`);
  }
}
