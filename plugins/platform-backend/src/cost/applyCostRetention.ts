import { LoggerService } from '@backstage/backend-plugin-api';
import { DAY_MS } from '@goldenpath/plugin-platform-common';
import { CostSettings } from './config';
import { rawSince } from './costProjection';
import { CostStore } from './CostStore';

/**
 * Deletes each level past its retention: raw rows after `rawDays`, hourly
 * rows (and node prices) after `hourlyDays`, daily rows and deployments after
 * `dailyDays`. Cutoffs are on the hour (raw, hourly) and on UTC midnight
 * (daily), so a day is never half deleted at the daily level.
 */
export async function applyCostRetention(options: {
  store: CostStore;
  retention: CostSettings['retention'];
  logger: LoggerService;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const { rawDays, hourlyDays, dailyDays } = options.retention;
  const dayCutoff = new Date(
    Math.floor((now.getTime() - dailyDays * DAY_MS) / DAY_MS) * DAY_MS,
  );
  const deleted = await options.store.deleteBefore({
    rawHour: rawSince(now, rawDays),
    hourlyHour: rawSince(now, hourlyDays),
    day: dayCutoff.toISOString().slice(0, 10),
  });
  const total = Object.values(deleted).reduce((t, n) => t + n, 0);
  if (total > 0) {
    options.logger.info(
      `cost retention deleted ${Object.entries(deleted)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ')}`,
    );
  }
}
