import {
  CanonicalEvent,
  IngestItemResult,
  IngestResponse,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { PlatformEventIntake } from '../eventProducers';

/**
 * The intake contract a producer sees, kept in memory: validates each event
 * with the canonical schema, is idempotent on (source, id), refuses batches
 * over `maxBatchSize` and records the size of every batch it was given. For
 * a producer's unit tests; a module's own module.test.ts should still run the
 * real intake through the platform backend.
 *
 * @public
 */
export class InMemoryIntake implements PlatformEventIntake {
  readonly events: Map<string, CanonicalEvent> = new Map();
  readonly batchSizes: number[] = [];

  constructor(readonly maxBatchSize: number) {}

  async ingest(items: unknown[]): Promise<IngestResponse> {
    if (items.length > this.maxBatchSize) {
      throw new Error(
        `batch of ${items.length} exceeds maxBatchSize ${this.maxBatchSize}`,
      );
    }
    this.batchSizes.push(items.length);
    const results = items.map((item, index): IngestItemResult => {
      const validation = validateCanonicalEvent(item);
      if (!validation.ok) {
        return { index, status: 'rejected', error: validation.message };
      }
      const { event } = validation;
      const key = `${event.source}\u0000${event.id}`;
      const known = this.events.has(key);
      if (!known) this.events.set(key, event);
      return {
        index,
        source: event.source,
        id: event.id,
        status: known ? 'duplicate' : 'accepted',
      };
    });
    const count = (status: IngestItemResult['status']) =>
      results.filter(r => r.status === status).length;
    return {
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      conflicts: count('conflict'),
      rejected: count('rejected'),
      results,
    };
  }

  async latestOccurredAt(sourcePrefix: string): Promise<string | null> {
    let latest: string | null = null;
    for (const event of this.events.values()) {
      const at = new Date(event.occurredAt).toISOString();
      if (event.source.startsWith(sourcePrefix) && (!latest || at > latest)) {
        latest = at;
      }
    }
    return latest;
  }
}
