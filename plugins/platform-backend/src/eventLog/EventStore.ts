import { Knex } from 'knex';
import {
  CanonicalEvent,
  CanonicalEventType,
  EventSubject,
  StoredEvent,
} from '@goldenpath/plugin-platform-common';

/** An event the intake has validated and linked, ready to append. */
export interface NewEvent {
  event: CanonicalEvent;
  receivedAt: string;
  entityRef: string | null;
  linkReason: string | null;
  raw?: unknown;
}

export interface EventQuery {
  entityRef?: string;
  types?: CanonicalEventType[];
  /** Inclusive, on occurredAt. */
  from?: string;
  /** Exclusive, on occurredAt. */
  to?: string;
  unlinked?: boolean;
  /** Only events linked to an entity (a caller who may not read unlinked ones). */
  linkedOnly?: boolean;
  /** Only events older in the log than this seq (cursor paging, newest first). */
  before?: number;
  limit: number;
}

export interface UnlinkedEvent {
  seq: number;
  subject: EventSubject;
  entityRef?: string;
  receivedAt: string;
}

/**
 * An event as a projection reads it, in log order. `entityRef` is null only
 * for projections that ask for unlinked events too (`includeUnlinked`).
 */
export interface LogEvent {
  seq: number;
  entityRef: string | null;
  event: CanonicalEvent;
}

/** A linked event as the projections read it, in log order. */
export interface LinkedLogEvent extends LogEvent {
  entityRef: string;
}

/** Which events a projection reads: linked ones (default), or all of its types. */
export interface ProjectionReadOptions {
  includeUnlinked?: boolean;
}

export interface LinkUpdate {
  seq: number;
  entityRef: string | null;
  linkReason: string | null;
}

/** How much of the log is linked to some entities. */
export interface LinkedActivity {
  linkedEvents: number;
  firstOccurredAt: string | null;
  lastOccurredAt: string | null;
}

export interface EventLogStats {
  total: number;
  unlinked: number;
  lastReceivedAt: string | null;
}

/**
 * What `append` did with one event: inserted as a new row (with its `seq`), or
 * skipped because its (source, id) is stored already; then `stored` is the
 * canonical event JSON of that row (undefined if it vanished meanwhile).
 */
export type AppendOutcome =
  | { inserted: true; seq: number }
  | { inserted: false; stored: unknown };

/** The append-only event log. SQL only: no validation, no linking. */
export interface EventStore {
  /**
   * Appends events in one transaction, skipping any whose (source, id) is already
   * stored. Returns one outcome per event, in the order given, decided from the
   * rows the database returns (matched on the (source, id) pair, never on a
   * joined string).
   */
  append(events: NewEvent[]): Promise<AppendOutcome[]>;
  list(query: EventQuery): Promise<StoredEvent[]>;
  /** Unlinked events after `after`, oldest first; only those received since `receivedSince` if given. */
  listUnlinked(
    after: number,
    limit: number,
    options?: { receivedSince?: string },
  ): Promise<UnlinkedEvent[]>;
  /**
   * Retention: deletes up to `limit` unlinked events received before `cutoff`
   * (never a linked one); returns how many.
   */
  deleteUnlinkedReceivedBefore(cutoff: string, limit: number): Promise<number>;
  /**
   * Retention by type: deletes up to `limit` events of `type`, linked or not,
   * that occurred before `occurredBefore` and lie at or before `upToSeq` (when
   * given); returns how many.
   */
  deleteExpired(options: {
    type: CanonicalEventType;
    occurredBefore: string;
    upToSeq?: number;
    limit: number;
  }): Promise<number>;
  /**
   * Retention: clears the source payload (`raw`) of up to `limit` events
   * received before `cutoff`; the canonical event and its link stay. Returns how many.
   */
  clearRawReceivedBefore(cutoff: string, limit: number): Promise<number>;
  /**
   * Linked events of the given types after `afterSeq`, oldest first; inside
   * `tx` when given (a projection page reads and writes in one transaction).
   * With `includeUnlinked`, unlinked ones too (their `entityRef` is null).
   */
  readLinked(
    afterSeq: number,
    types: readonly CanonicalEventType[],
    limit: number,
    tx?: Knex.Transaction,
    options?: ProjectionReadOptions,
  ): Promise<LogEvent[]>;
  /** How many linked (or, with `includeUnlinked`, any) events of the given types lie after `afterSeq`. */
  countLinked(
    afterSeq: number,
    types: readonly CanonicalEventType[],
    options?: ProjectionReadOptions,
  ): Promise<number>;
  /** The highest seq in the log (0 when empty). */
  lastSeq(): Promise<number>;
  updateLinks(updates: LinkUpdate[]): Promise<void>;
  stats(): Promise<EventLogStats>;
  /** Count and occurredAt range of events linked to these entities (of these types). */
  activity(
    entityRefs: string[],
    types?: readonly CanonicalEventType[],
  ): Promise<LinkedActivity>;
  /** Latest occurredAt among events whose source starts with the prefix. */
  latestOccurredAt(sourcePrefix: string): Promise<string | null>;
  /**
   * The distinct (entity, cluster) pairs of these entities' linked events of
   * these types that occurred since `since` and whose subject names a
   * cluster: where their Kubernetes objects were seen.
   */
  entityClusters(
    entityRefs: string[],
    types: readonly CanonicalEventType[],
    since: string,
  ): Promise<Array<{ entityRef: string; cluster: string }>>;
}
