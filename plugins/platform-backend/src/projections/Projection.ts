import { CanonicalEventType } from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { LinkedLogEvent } from '../eventLog/EventStore';

/**
 * A feature's read model of the event log. The runner feeds it linked events of
 * its types in log order, a page at a time, inside the transaction that also
 * moves its cursor; `apply` must be idempotent (upserts by natural key), since
 * a rewind after relinking replays events it has seen.
 */
export interface Projection {
  /** Unique; names the cursor and the dead letters. */
  readonly name: string;
  readonly eventTypes: readonly CanonicalEventType[];
  /** Writes the events' effect with `tx`; throws when an event cannot be applied. */
  apply(events: LinkedLogEvent[], tx: Knex.Transaction): Promise<void>;
}
