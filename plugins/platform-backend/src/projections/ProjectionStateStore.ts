import { Knex } from 'knex';

/** An event a projection could not apply. */
export interface DeadLetter {
  projection: string;
  seq: number;
  source: string;
  eventId: string;
  eventType: string;
  reason: string;
  failedAt: string;
}

export interface ProjectionStatus {
  name: string;
  /** The last log position applied. */
  cursor: number;
  deadLetters: number;
}

/** Cursors and dead letters of every projection. SQL only. */
export interface ProjectionStateStore {
  /** Opens a transaction for one page. */
  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T>;
  /**
   * Reads the cursor and holds its row lock until `tx` ends, so no other
   * replica (or rewind) touches this projection while a page is applied.
   */
  lockCursor(tx: Knex.Transaction, name: string): Promise<number>;
  setCursor(tx: Knex.Transaction, name: string, seq: number): Promise<void>;
  /** Records (or re-records, after a replay) events that could not be applied. */
  addDeadLetters(tx: Knex.Transaction, letters: DeadLetter[]): Promise<void>;
  /** Moves the cursor back (never forward); waits for a page in progress. */
  rewind(name: string, toSeq: number): Promise<void>;
  status(names: string[]): Promise<ProjectionStatus[]>;
  listDeadLetters(projection: string, limit: number): Promise<DeadLetter[]>;
}
