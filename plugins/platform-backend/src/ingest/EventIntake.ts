import {
  CanonicalEvent,
  IngestItemResult,
  IngestResponse,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { EventStore } from '../eventLog/EventStore';
import { PairIndex } from '../eventLog/PairIndex';
import { differenceFromStored } from './compareEvents';
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
 * append idempotently on (source, id), and report per event: accepted, duplicate
 * (same canonical content as the stored event), conflict (same key, different
 * content; the stored version is kept) or rejected. Accepted events are
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
    const fresh: Array<{ index: number; event: CanonicalEvent }> = [];
    // First event of each (source, id) pair in this batch, kept as a pair.
    const firstByKey = new PairIndex<CanonicalEvent>();

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
      const first = firstByKey.get(event.source, event.id);
      if (first) {
        results[index] = repeatResult(index, event, first);
        return;
      }
      firstByKey.add(event.source, event.id, event);
      fresh.push({ index, event });
    });

    const links = await linker.link(
      fresh.map(({ event }) => ({
        subject: event.subject,
        entityRef: event.entityRef,
      })),
    );
    const receivedAt = now.toISOString();
    const outcomes = await store.append(
      fresh.map(({ event }, i) => ({
        event,
        receivedAt,
        entityRef: links[i].entityRef ?? null,
        linkReason: links[i].reason ?? null,
        raw: context.raw,
      })),
    );
    const inserted = outcomes.filter(o => o.inserted).length;
    if (inserted > 0) this.options.onStored?.(inserted);
    fresh.forEach(({ index, event }, i) => {
      const outcome = outcomes[i];
      results[index] = outcome.inserted
        ? { index, source: event.source, id: event.id, status: 'accepted' }
        : repeatResult(index, event, outcome.stored);
    });
    return summarise(results);
  }
}

/**
 * A second send of a stored (or earlier in the batch) (source, id): a
 * duplicate when the canonical content is the same, else a conflict. Either way
 * the first version is kept.
 */
function repeatResult(
  index: number,
  event: CanonicalEvent,
  first: unknown,
): IngestItemResult {
  const { source, id } = event;
  // A row that vanished between the insert and the read (retention) cannot be
  // compared; it was stored once, so this send is a duplicate of it.
  const difference =
    first === undefined ? undefined : differenceFromStored(first, event);
  if (difference === undefined) {
    return { index, source, id, status: 'duplicate' };
  }
  return {
    index,
    source,
    id,
    status: 'conflict',
    error: `an event with this source and id is stored already with different content (${difference} differs); the stored version is kept`,
  };
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
    conflicts: count('conflict'),
    rejected: count('rejected'),
    results,
  };
}
