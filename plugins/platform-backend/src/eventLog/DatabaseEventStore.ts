import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CanonicalEventType,
  StoredEvent,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import {
  EventLogStats,
  EventQuery,
  EventStore,
  LinkUpdate,
  LinkedActivity,
  LogEvent,
  ProjectionReadOptions,
  NewEvent,
  UnlinkedEvent,
  AppendOutcome,
} from './EventStore';
import { migratedClient } from '../database/migrateDatabase';
import { PairIndex } from './PairIndex';

/**
 * Rows per INSERT. knex writes a multi-row SQLite insert as a compound SELECT,
 * which SQLite caps at 500 terms; 500 x 12 columns also stays under both
 * databases' bind-parameter limits.
 */
const INSERT_CHUNK = 500;

type EventRow = {
  seq: number | string;
  source: string;
  event_id: string;
  type: string;
  occurred_at: string;
  received_at: string;
  subject_kind: string;
  subject_name: string;
  subject_cluster: string | null;
  entity_ref: string | null;
  link_reason: string | null;
  event: string;
  raw: string | null;
};

export class DatabaseEventStore implements EventStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEventStore> {
    return new DatabaseEventStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  constructor(private readonly knex: Knex) {}

  async append(events: NewEvent[]): Promise<AppendOutcome[]> {
    const outcomes: Array<AppendOutcome | undefined> = new Array(events.length);
    if (events.length === 0) return [];
    await this.knex.transaction(async tx => {
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        const chunk = events.slice(i, i + INSERT_CHUNK);
        const positions = new PairIndex();
        chunk.forEach((e, j) =>
          positions.add(e.event.source, e.event.id, i + j),
        );
        const returned: Array<Pick<EventRow, 'seq' | 'source' | 'event_id'>> =
          await tx('events')
            .insert(chunk.map(toRow))
            .onConflict(['source', 'event_id'])
            .ignore()
            .returning(['seq', 'source', 'event_id']);
        for (const row of returned) {
          const at = positions.take(row.source, row.event_id);
          if (at === undefined) {
            // The database stored a key that was not sent as such: never guess
            // which event it was. Throwing rolls the whole append back.
            throw new Error(
              `events insert returned a (source, event_id) that matches no event of the batch`,
            );
          }
          outcomes[at] = { inserted: true, seq: Number(row.seq) };
        }
      }
      const skipped = events.flatMap((e, at) =>
        outcomes[at] ? [] : [{ at, source: e.event.source, id: e.event.id }],
      );
      const stored = await readStoredEvents(tx, skipped);
      for (const { at, source, id } of skipped) {
        outcomes[at] = { inserted: false, stored: stored.get(source, id) };
      }
    });
    return outcomes as AppendOutcome[];
  }

  async list(query: EventQuery): Promise<StoredEvent[]> {
    const q = this.knex<EventRow>('events')
      .select('*')
      .orderBy('seq', 'desc')
      .limit(query.limit);
    if (query.entityRef) q.where('entity_ref', query.entityRef);
    if (query.unlinked) q.whereNull('entity_ref');
    if (query.linkedOnly) q.whereNotNull('entity_ref');
    if (query.types?.length) q.whereIn('type', query.types);
    if (query.from) q.where('occurred_at', '>=', query.from);
    if (query.to) q.where('occurred_at', '<', query.to);
    if (query.before !== undefined) q.where('seq', '<', query.before);
    const rows: EventRow[] = await q;
    return rows.map(fromRow);
  }

  async listUnlinked(
    after: number,
    limit: number,
    options: { receivedSince?: string } = {},
  ): Promise<UnlinkedEvent[]> {
    // served by the partial index events_unlinked_seq_idx
    const q = this.knex<EventRow>('events')
      .select(
        'seq',
        'subject_kind',
        'subject_name',
        'subject_cluster',
        'event',
        'received_at',
      )
      .whereNull('entity_ref')
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(limit);
    if (options.receivedSince) {
      q.where('received_at', '>=', options.receivedSince);
    }
    const rows: Array<
      Pick<
        EventRow,
        | 'seq'
        | 'subject_kind'
        | 'subject_name'
        | 'subject_cluster'
        | 'event'
        | 'received_at'
      >
    > = await q;
    return rows.map(row => {
      const event = JSON.parse(row.event);
      return {
        seq: Number(row.seq),
        subject: subjectOf(row, event),
        entityRef: event.entityRef,
        receivedAt: row.received_at,
      };
    });
  }

  async deleteUnlinkedReceivedBefore(
    cutoff: string,
    limit: number,
  ): Promise<number> {
    const batch = this.knex('events')
      .select('seq')
      .whereNull('entity_ref')
      .where('received_at', '<', cutoff)
      .orderBy('seq', 'asc')
      .limit(limit);
    // Checked again on the row deleted: one the relink task links meanwhile
    // is kept (PostgreSQL re-evaluates the condition on the updated row).
    return this.knex('events')
      .whereIn('seq', batch)
      .whereNull('entity_ref')
      .delete();
  }

  async deleteExpired(options: {
    type: CanonicalEventType;
    occurredBefore: string;
    upToSeq?: number;
    limit: number;
  }): Promise<number> {
    // Two statements, so each is planned on its own: the batch is a range of
    // events_type_time_idx (type, occurred_at), the oldest of the type first,
    // never the whole log; the delete then goes by primary key. (PostgreSQL
    // may hash-join `seq IN (subquery)` against a scan of the whole table.)
    // A row's type and time never change, so the delete needs no re-check.
    const batch = this.knex<EventRow>('events')
      .select('seq')
      .where('type', options.type)
      .where('occurred_at', '<', options.occurredBefore)
      .orderBy('occurred_at', 'asc')
      .limit(options.limit);
    if (options.upToSeq !== undefined)
      batch.where('seq', '<=', options.upToSeq);
    const seqs = (await batch).map(row => Number(row.seq));
    if (seqs.length === 0) return 0;
    return this.knex('events').whereIn('seq', seqs).delete();
  }

  async clearRawReceivedBefore(cutoff: string, limit: number): Promise<number> {
    // served by the partial index events_raw_received_idx
    const batch = this.knex('events')
      .select('seq')
      .whereNotNull('raw')
      .where('received_at', '<', cutoff)
      .limit(limit);
    return this.knex('events')
      .whereIn('seq', batch)
      .whereNotNull('raw')
      .update({ raw: null });
  }

  async readLinked(
    afterSeq: number,
    types: readonly CanonicalEventType[],
    limit: number,
    tx?: Knex.Transaction,
    options?: ProjectionReadOptions,
  ): Promise<LogEvent[]> {
    const query = (tx ?? this.knex)<EventRow>('events')
      .select('seq', 'entity_ref', 'event')
      .where('seq', '>', afterSeq)
      .whereIn('type', types);
    if (!options?.includeUnlinked) query.whereNotNull('entity_ref');
    const rows: Array<Pick<EventRow, 'seq' | 'entity_ref' | 'event'>> =
      await query.orderBy('seq', 'asc').limit(limit);
    return rows.map(row => ({
      seq: Number(row.seq),
      entityRef: row.entity_ref,
      event: JSON.parse(row.event),
    }));
  }

  async countLinked(
    afterSeq: number,
    types: readonly CanonicalEventType[],
    options?: ProjectionReadOptions,
  ): Promise<number> {
    const query = this.knex('events')
      .where('seq', '>', afterSeq)
      .whereIn('type', types);
    if (!options?.includeUnlinked) query.whereNotNull('entity_ref');
    const [row] = await query.count({ count: '*' });
    return Number(row?.count ?? 0);
  }

  async lastSeq(): Promise<number> {
    const [row] = await this.knex('events').max({ last: 'seq' });
    return Number(row?.last ?? 0);
  }

  async updateLinks(updates: LinkUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.knex.transaction(async tx => {
      for (const u of updates) {
        await tx('events')
          .where('seq', u.seq)
          .whereNull('entity_ref')
          .update({ entity_ref: u.entityRef, link_reason: u.linkReason });
      }
    });
  }

  async stats(): Promise<EventLogStats> {
    const [totals] = await this.knex('events').select(
      this.knex.raw('count(*) as total'),
      this.knex.raw(
        'sum(case when entity_ref is null then 1 else 0 end) as unlinked',
      ),
    );
    const [last] = await this.knex('events')
      .select('received_at')
      .orderBy('seq', 'desc')
      .limit(1);
    return {
      total: Number(totals?.total ?? 0),
      unlinked: Number(totals?.unlinked ?? 0),
      lastReceivedAt: last?.received_at ?? null,
    };
  }

  async activity(
    entityRefs: string[],
    types?: readonly CanonicalEventType[],
  ): Promise<LinkedActivity> {
    if (entityRefs.length === 0) {
      return { linkedEvents: 0, firstOccurredAt: null, lastOccurredAt: null };
    }
    const q = this.knex('events').whereIn('entity_ref', entityRefs);
    if (types?.length) q.whereIn('type', types);
    const [row] = await q.select(
      this.knex.raw('count(*) as linked_events'),
      this.knex.raw('min(occurred_at) as first_occurred_at'),
      this.knex.raw('max(occurred_at) as last_occurred_at'),
    );
    return {
      linkedEvents: Number(row?.linked_events ?? 0),
      firstOccurredAt: row?.first_occurred_at ?? null,
      lastOccurredAt: row?.last_occurred_at ?? null,
    };
  }

  async latestOccurredAt(sourcePrefix: string): Promise<string | null> {
    const [row] = await this.knex('events')
      .max({ latest: 'occurred_at' })
      .whereRaw("source like ? escape '\\'", [
        `${sourcePrefix.replace(/[%_\\]/g, '\\$&')}%`,
      ]);
    return row?.latest ?? null;
  }

  async entityClusters(
    entityRefs: string[],
    types: readonly CanonicalEventType[],
    since: string,
  ): Promise<Array<{ entityRef: string; cluster: string }>> {
    const pairs: Array<{ entityRef: string; cluster: string }> = [];
    // served by events_entity_type_time_idx, one range per entity and type
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: Array<Pick<EventRow, 'entity_ref' | 'subject_cluster'>> =
        await this.knex('events')
          .distinct('entity_ref', 'subject_cluster')
          .whereIn('entity_ref', entityRefs.slice(i, i + 500))
          .whereIn('type', types)
          .where('occurred_at', '>=', since)
          .whereNotNull('subject_cluster');
      for (const row of rows) {
        pairs.push({
          entityRef: row.entity_ref!,
          cluster: row.subject_cluster!,
        });
      }
    }
    return pairs;
  }
}

/** The canonical JSON of stored events, read by (source, event_id) pairs. */
async function readStoredEvents(
  tx: Knex.Transaction,
  keys: Array<{ source: string; id: string }>,
): Promise<PairIndex<unknown>> {
  const stored = new PairIndex<unknown>();
  const idsBySource = new Map<string, string[]>();
  for (const { source, id } of keys) {
    const ids = idsBySource.get(source) ?? [];
    ids.push(id);
    idsBySource.set(source, ids);
  }
  for (const [source, ids] of idsBySource) {
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      const rows: Array<Pick<EventRow, 'source' | 'event_id' | 'event'>> =
        await tx('events')
          .select('source', 'event_id', 'event')
          .where('source', source)
          .whereIn('event_id', ids.slice(i, i + INSERT_CHUNK));
      for (const row of rows) {
        stored.add(row.source, row.event_id, JSON.parse(row.event));
      }
    }
  }
  return stored;
}

function toRow(e: NewEvent): Omit<EventRow, 'seq'> {
  const { event } = e;
  return {
    source: event.source,
    event_id: event.id,
    type: event.type,
    occurred_at: new Date(event.occurredAt).toISOString(),
    received_at: e.receivedAt,
    subject_kind: event.subject.kind,
    subject_name: event.subject.name,
    subject_cluster: event.subject.cluster ?? null,
    entity_ref: e.entityRef,
    link_reason: e.linkReason,
    event: JSON.stringify(event),
    raw: e.raw === undefined ? null : JSON.stringify(e.raw),
  };
}

/**
 * The subject as it was sent: from the stored event, which also holds a pod's
 * namespace and labels (the columns hold kind, name and cluster only, for
 * indexing); the columns when the JSON has none.
 */
function subjectOf(
  row: Pick<EventRow, 'subject_kind' | 'subject_name' | 'subject_cluster'>,
  event: { subject?: UnlinkedEvent['subject'] },
): UnlinkedEvent['subject'] {
  if (event.subject) return event.subject;
  return {
    kind: row.subject_kind,
    name: row.subject_name,
    ...(row.subject_cluster ? { cluster: row.subject_cluster } : {}),
  } as UnlinkedEvent['subject'];
}

function fromRow(row: EventRow): StoredEvent {
  const event = JSON.parse(row.event);
  return {
    seq: Number(row.seq),
    id: row.event_id,
    source: row.source,
    type: row.type as StoredEvent['type'],
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    subject: subjectOf(row, event),
    entityRef: row.entity_ref,
    linkStatus: row.entity_ref ? 'linked' : 'unlinked',
    linkReason: row.link_reason,
    data: event.data,
  };
}
