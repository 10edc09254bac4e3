import { LoggerService } from '@backstage/backend-plugin-api';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { PlatformEventIntake } from '@goldenpath/plugin-platform-node';

/** What the intake said about one send. */
export interface SendSummary {
  sent: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
}

/**
 * Sends events through the intake in batches of at most `maxBatchSize`.
 * Rejections (the intake's validation) and conflicts are logged with their
 * reason, never retried: the same data would be refused again.
 */
export async function sendEvents(
  intake: PlatformEventIntake,
  events: CanonicalEventInput[],
  logger: LoggerService,
): Promise<SendSummary> {
  const summary: SendSummary = {
    sent: 0,
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    rejected: 0,
  };
  const size = Math.max(1, intake.maxBatchSize);
  for (let start = 0; start < events.length; start += size) {
    const batch = events.slice(start, start + size);
    const response = await intake.ingest(batch);
    summary.sent += batch.length;
    summary.accepted += response.accepted;
    summary.duplicates += response.duplicates;
    summary.conflicts += response.conflicts;
    summary.rejected += response.rejected;
    for (const result of response.results) {
      if (result.status !== 'rejected' && result.status !== 'conflict')
        continue;
      const event = batch[result.index];
      logger.warn(
        `The intake ${
          result.status === 'rejected' ? 'rejected' : 'kept an older version of'
        } ${event?.type} ${event?.source}/${event?.id}${
          result.error ? `: ${result.error}` : ''
        }`,
      );
    }
  }
  return summary;
}
