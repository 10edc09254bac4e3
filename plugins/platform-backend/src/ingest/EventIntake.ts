import {
  CanonicalEvent,
  IngestItemResult,
  IngestResponse,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { EventStore, eventKey } from '../eventLog/EventStore';
import { PayloadTooLargeError } from '../errors';
import { LinkTarget } from '../linker/CatalogEntityLinker';
import { LinkResult } from '../linker/EntityIndex';

export interface EventLinker {
  link(targets: LinkTarget[]): Promise<LinkResult[]>;
}

export interface EventIntakeOptions {
  store: EventStore;
  linker: EventLinker;
  maxBatchSize: number;
  /** How far in the future an occurredAt may be (clock skew) before it is rejected. */
  maxFutureSkewMs: number;
  now?: () => Date;
  /** Called (not awaited) after new events were stored, e.g. to update projections. */
  onStored?: (count: number) => void;
}

/**
 * The one way events enter the log, whatever carried them (HTTP batch, webhook,
 * events-service topic, demo seeder): validate each, drop in-batch repeats, link,
 * append idempotently on (source, id), and report per event. Accepted events are
 * committed before `ingest` resolves.
 */
export class EventIntake {
  private readonly now: () => Date;

  constructor(private readonly options: EventIntakeOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The largest batch `ingest` takes. */
  get maxBatchSize(): number {
    return this.options.maxBatchSize;
  }

  async ingest(
    items: unknown[],
    context: { raw?: unknown } = {},
  ): Promise<IngestResponse> {
    const { maxBatchSize, maxFutureSkewMs, store, linker } = this.options;
    if (items.length > maxBatchSize) {
      throw new PayloadTooLargeError(
        `batch has ${items.length} events; the limit is ${maxBatchSize} (platform.intake.maxBatchSize)`,
      );
    }
    const now = this.now();
    const latestAllowed = now.getTime() + maxFutureSkewMs;
    const results: IngestItemResult[] = new Array(items.length);
    const fresh: Array<{ index: number; event: CanonicalEvent; key: string }> =
      [];
    const firstIndexByKey = new Map<string, number>();

    items.forEach((item, index) => {
      const validation = validateCanonicalEvent(item);
      if (!validation.ok) {
        results[index] = {
          index,
          ...identify(item),
          status: 'rejected',
          error: validation.message,
        };
        return;
      }
      const { event } = validation;
      if (Date.parse(event.occurredAt) > latestAllowed) {
        results[index] = {
          index,
          source: event.source,
          id: event.id,
          status: 'rejected',
          error: `occurredAt: ${event.occurredAt} is in the future (more than ${
            maxFutureSkewMs / 1000
          }s ahead of the server clock)`,
        };
        return;
      }
      const key = eventKey(event.source, event.id);
      if (firstIndexByKey.has(key)) {
        results[index] = {
          index,
          source: event.source,
          id: event.id,
          status: 'duplicate',
        };
        return;
      }
      firstIndexByKey.set(key, index);
      fresh.push({ index, event, key });
    });

    const links = await linker.link(
      fresh.map(({ event }) => ({
        subject: event.subject,
        entityRef: event.entityRef,
      })),
    );
    const receivedAt = now.toISOString();
    const inserted = await store.append(
      fresh.map(({ event }, i) => ({
        event,
        receivedAt,
        entityRef: links[i].entityRef ?? null,
        linkReason: links[i].reason ?? null,
        raw: context.raw,
      })),
    );
    if (inserted.size > 0) this.options.onStored?.(inserted.size);
    for (const { index, event, key } of fresh) {
      results[index] = {
        index,
        source: event.source,
        id: event.id,
        status: inserted.has(key) ? 'accepted' : 'duplicate',
      };
    }
    return summarise(results);
  }
}

function identify(item: unknown): { source?: string; id?: string } {
  if (typeof item !== 'object' || item === null) return {};
  const { source, id } = item as Record<string, unknown>;
  return {
    ...(typeof source === 'string' ? { source: source.slice(0, 200) } : {}),
    ...(typeof id === 'string' ? { id: id.slice(0, 200) } : {}),
  };
}

function summarise(results: IngestItemResult[]): IngestResponse {
  const count = (status: IngestItemResult['status']) =>
    results.filter(r => r.status === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    results,
  };
}
