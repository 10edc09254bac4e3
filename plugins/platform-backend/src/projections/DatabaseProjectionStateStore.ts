import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrateDatabase';
import {
  DeadLetter,
  ProjectionStateStore,
  ProjectionStatus,
} from './ProjectionStateStore';

const CURSORS = 'projection_cursors';
const DEAD_LETTERS = 'projection_dead_letters';

export class DatabaseProjectionStateStore implements ProjectionStateStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseProjectionStateStore> {
    return new DatabaseProjectionStateStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  constructor(private readonly knex: Knex) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(fn);
  }

  async lockCursor(tx: Knex.Transaction, name: string): Promise<number> {
    await tx(CURSORS).insert({ name, last_seq: 0 }).onConflict('name').ignore();
    const query = tx(CURSORS).where('name', name).first('last_seq');
    // SQLite has no row locks; its write transactions are serial anyway.
    if (this.knex.client.config.client === 'pg') query.forUpdate();
    const row = await query;
    return Number(row?.last_seq ?? 0);
  }

  async setCursor(
    tx: Knex.Transaction,
    name: string,
    seq: number,
  ): Promise<void> {
    await tx(CURSORS).where('name', name).update({ last_seq: seq });
  }

  async addDeadLetters(
    tx: Knex.Transaction,
    letters: DeadLetter[],
  ): Promise<void> {
    for (const l of letters) {
      await tx(DEAD_LETTERS)
        .insert({
          projection: l.projection,
          seq: l.seq,
          source: l.source,
          event_id: l.eventId,
          event_type: l.eventType,
          reason: l.reason,
          failed_at: l.failedAt,
        })
        .onConflict(['projection', 'seq'])
        .merge(['reason', 'failed_at']);
    }
  }

  async rewind(name: string, toSeq: number): Promise<void> {
    await this.knex(CURSORS)
      .where('name', name)
      .where('last_seq', '>', toSeq)
      .update({ last_seq: toSeq });
  }

  async status(names: string[]): Promise<ProjectionStatus[]> {
    const cursors = await this.knex(CURSORS)
      .whereIn('name', names)
      .select('name', 'last_seq');
    const letters = await this.knex(DEAD_LETTERS)
      .whereIn('projection', names)
      .groupBy('projection')
      .select('projection', this.knex.raw('count(*) as count'));
    const cursorOf = new Map(cursors.map(c => [c.name, Number(c.last_seq)]));
    const lettersOf = new Map(
      letters.map(l => [l.projection as string, Number(l.count)]),
    );
    return names.map(name => ({
      name,
      cursor: cursorOf.get(name) ?? 0,
      deadLetters: lettersOf.get(name) ?? 0,
    }));
  }

  async listDeadLetters(
    projection: string,
    limit: number,
  ): Promise<DeadLetter[]> {
    const rows = await this.knex(DEAD_LETTERS)
      .where('projection', projection)
      .orderBy('seq', 'asc')
      .limit(limit);
    return rows.map(r => ({
      projection: r.projection,
      seq: Number(r.seq),
      source: r.source,
      eventId: r.event_id,
      eventType: r.event_type,
      reason: r.reason,
      failedAt: r.failed_at,
    }));
  }
}
