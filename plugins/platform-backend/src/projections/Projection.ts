import { CanonicalEventType } from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { LinkedLogEvent, LogEvent } from '../eventLog/EventStore';

interface ProjectionBase {
  /** Unique; names the cursor and the dead letters. */
  readonly name: string;
  readonly eventTypes: readonly CanonicalEventType[];
  /**
   * Deferred work after the runner has applied every page it could read (for
   * roll-ups that would be redone page after page otherwise), in a transaction
   * that holds the projection's cursor row. Resolves true while work remains;
   * the runner calls it again. Must be idempotent; a failure is logged and the
   * next catch-up retries it.
   */
  settle?(tx: Knex.Transaction): Promise<boolean>;
}

/**
 * A feature's read model of the event log. The runner feeds it linked events of
 * its types in log order, a page at a time, inside the transaction that also
 * moves its cursor; `apply` must be idempotent (upserts by natural key), since
 * a rewind after relinking replays events it has seen.
 */
export interface LinkedEventsProjection extends ProjectionBase {
  readonly includeUnlinked?: false;
  /** Writes the events' effect with `tx`; throws when an event cannot be applied. */
  apply(events: LinkedLogEvent[], tx: Knex.Transaction): Promise<void>;
}

/**
 * A projection that also needs events no entity claims yet (cost: idle needs
 * every container of a cluster, and node prices are seldom linked). The
 * unlinked ones come with `entityRef: null`; a relink rewinds and replays
 * them with their entity.
 */
export interface AllEventsProjection extends ProjectionBase {
  readonly includeUnlinked: true;
  apply(events: LogEvent[], tx: Knex.Transaction): Promise<void>;
}

export type Projection = LinkedEventsProjection | AllEventsProjection;
