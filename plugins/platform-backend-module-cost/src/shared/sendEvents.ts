import { LoggerService } from '@backstage/backend-plugin-api';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { PlatformEventIntake } from '@goldenpath/plugin-platform-node';

/** What the intake said about the events of one send. */
export interface SendSummary {
  sent: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
}

export const EMPTY_SUMMARY: SendSummary = {
  sent: 0,
  accepted: 0,
  duplicates: 0,
  conflicts: 0,
  rejected: 0,
};

export function addSummaries(a: SendSummary, b: SendSummary): SendSummary {
  return {
    sent: a.sent + b.sent,
    accepted: a.accepted + b.accepted,
    duplicates: a.duplicates + b.duplicates,
    conflicts: a.conflicts + b.conflicts,
    rejected: a.rejected + b.rejected,
  };
}

/** Rejections logged per send with their reason; the rest are counted. */
const LOGGED_REJECTIONS = 5;

/**
 * Sends events through the intake in batches of at most `maxBatchSize`.
 * Rejected events (the intake's validation) are counted and the first few
 * logged with their id and reason, never retried: the same data would be
 * rejected again. Conflicts are re-polls of an hour whose numbers changed
 * after it was first stored (the stored version is kept); they are counted.
 */
export async function sendEvents(options: {
  intake: PlatformEventIntake;
  events: CanonicalEventInput[];
  logger: LoggerService;
}): Promise<SendSummary> {
  const { intake, events, logger } = options;
  let summary = EMPTY_SUMMARY;
  let logged = 0;
  const size = Math.max(1, intake.maxBatchSize);
  for (let start = 0; start < events.length; start += size) {
    const batch = events.slice(start, start + size);
    const response = await intake.ingest(batch);
    summary = addSummaries(summary, {
      sent: batch.length,
      accepted: response.accepted,
      duplicates: response.duplicates,
      conflicts: response.conflicts,
      rejected: response.rejected,
    });
    for (const result of response.results) {
      if (result.status !== 'rejected' || logged >= LOGGED_REJECTIONS) continue;
      logged++;
      const event = batch[result.index];
      logger.warn(
        `The intake rejected ${event?.type} ${event?.source}/${event?.id}: ${result.error}`,
      );
    }
  }
  return summary;
}
