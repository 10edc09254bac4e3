import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EventStore, LinkedLogEvent, LogEvent } from '../eventLog/EventStore';
import { Projection } from './Projection';
import { DeadLetter, ProjectionStateStore } from './ProjectionStateStore';

const MAX_REASON = 2000;

export interface ProjectionRunnerOptions {
  projections: Projection[];
  events: EventStore;
  state: ProjectionStateStore;
  logger: LoggerService;
  /** Events per page (one transaction each). */
  pageSize?: number;
  now?: () => Date;
}

/** Per projection: its cursor, how many linked events of its types wait, dead letters. */
export interface ProjectionHealth {
  cursor: number;
  lag: number;
  deadLetters: number;
}

/**
 * The one projection runner: feeds every feature's projection from the log,
 * a page per transaction. The page's cursor row stays locked while it is
 * applied (SELECT ... FOR UPDATE on PostgreSQL), so replicas sharing a
 * database never apply the same page twice, and a rewind waits for the page in
 * progress instead of being overwritten by it. An event a projection cannot
 * apply becomes a dead letter and the projection moves on.
 */
export class ProjectionRunner {
  private readonly pageSize: number;
  private readonly now: () => Date;
  private running?: Promise<number>;
  private again = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = options.projections.map(p => p.name);
    if (new Set(names).size !== names.length) {
      throw new Error(`Projection names must be unique: ${names.join(', ')}`);
    }
    this.pageSize = options.pageSize ?? 5000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Applies everything up to the end of the log; resolves with the number of
   * events read. Concurrent calls share one run that goes round again.
   */
  async catchUp(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Fire-and-forget catch-up (after intake); failures are retried by the schedule. */
  trigger(): void {
    this.catchUp().catch(error =>
      this.options.logger.warn(`Projection catch-up failed: ${error}`),
    );
  }

  /** Makes every projection re-read the log after `seq` (events were relinked). */
  async rewind(seq: number): Promise<void> {
    for (const p of this.options.projections) {
      await this.options.state.rewind(p.name, seq);
    }
  }

  async health(): Promise<Record<string, ProjectionHealth>> {
    const { projections, state, events } = this.options;
    const statuses = await state.status(projections.map(p => p.name));
    const out: Record<string, ProjectionHealth> = {};
    for (const [i, p] of projections.entries()) {
      const { cursor, deadLetters } = statuses[i];
      out[p.name] = {
        cursor,
        lag: await events.countLinked(cursor, p.eventTypes, {
          includeUnlinked: p.includeUnlinked,
        }),
        deadLetters,
      };
    }
    return out;
  }

  private async loop(): Promise<number> {
    let read = 0;
    do {
      this.again = false;
      for (const projection of this.options.projections) {
        for (;;) {
          const count = await this.applyPage(projection);
          if (count === 0) break;
          read += count;
        }
        await this.settle(projection);
      }
    } while (this.again);
    return read;
  }

  /**
   * The projection's deferred work, a transaction at a time while it reports
   * more. A failure is logged, not thrown, so the projections after it still
   * run; its work stays pending for the next catch-up.
   */
  private async settle(projection: Projection): Promise<void> {
    if (!projection.settle) return;
    const { state } = this.options;
    try {
      for (;;) {
        const more = await state.transaction(async tx => {
          await state.lockCursor(tx, projection.name);
          return projection.settle!(tx);
        });
        if (!more) return;
      }
    } catch (error) {
      this.options.logger.warn(
        `Projection ${projection.name}: settling failed and will be retried: ${error}`,
      );
    }
  }

  /** One page in one transaction: lock cursor, read, apply, move cursor. */
  private applyPage(projection: Projection): Promise<number> {
    const { state, events } = this.options;
    return state.transaction(async tx => {
      const cursor = await state.lockCursor(tx, projection.name);
      const page = await events.readLinked(
        cursor,
        projection.eventTypes,
        this.pageSize,
        tx,
        { includeUnlinked: projection.includeUnlinked },
      );
      if (page.length === 0) return 0;
      const letters = await this.applyOrDeadLetter(projection, page, tx);
      if (letters.length > 0) {
        await state.addDeadLetters(tx, letters);
        this.options.logger.warn(
          `Projection ${projection.name}: ${letters.length} event(s) could not be applied and were recorded as dead letters; first: seq ${letters[0].seq}: ${letters[0].reason}`,
        );
      }
      await state.setCursor(tx, projection.name, page[page.length - 1].seq);
      return page.length;
    });
  }

  /**
   * The whole page in a savepoint; if that fails, each event in its own, so
   * only the events that fail alone are set aside.
   */
  private async applyOrDeadLetter(
    projection: Projection,
    page: LogEvent[],
    tx: Knex.Transaction,
  ): Promise<DeadLetter[]> {
    try {
      await tx.transaction(sp => applyEvents(projection, page, sp));
      return [];
    } catch {
      const letters: DeadLetter[] = [];
      for (const linked of page) {
        try {
          await tx.transaction(sp => applyEvents(projection, [linked], sp));
        } catch (error) {
          letters.push({
            projection: projection.name,
            seq: linked.seq,
            source: linked.event.source,
            eventId: linked.event.id,
            eventType: linked.event.type,
            reason: String((error as Error)?.message ?? error).slice(
              0,
              MAX_REASON,
            ),
            failedAt: this.now().toISOString(),
          });
        }
      }
      return letters;
    }
  }
}

/**
 * Hands a page to a projection; pages of a projection that did not opt into
 * unlinked events were read with `entity_ref IS NOT NULL`.
 */
function applyEvents(
  projection: Projection,
  events: LogEvent[],
  tx: Knex.Transaction,
): Promise<void> {
  return projection.includeUnlinked
    ? projection.apply(events, tx)
    : projection.apply(events as LinkedLogEvent[], tx);
}
