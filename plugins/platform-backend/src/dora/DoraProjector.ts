import { LoggerService } from '@backstage/backend-plugin-api';
import { DoraStore } from '../database/DoraStore';
import { EventStore } from '../database/EventStore';
import { DORA_EVENT_TYPES, projectDoraEvents } from './projectDoraEvents';

const PAGE = 5000;

/**
 * Reads linked DORA events from the log after its cursor and upserts the
 * projection tables. Runs after each intake (not awaited by the request) and on
 * a schedule; concurrent triggers collapse into one run that catches up.
 * Upserts are idempotent, so two backend instances may both run it safely.
 */
export class DoraProjector {
  private running?: Promise<number>;
  private again = false;

  constructor(
    private readonly options: {
      events: EventStore;
      store: DoraStore;
      logger: LoggerService;
    },
  ) {}

  /** Projects everything up to the end of the log; resolves with the events applied. */
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

  /** Fire-and-forget catch-up; failures are logged and retried by the schedule. */
  trigger(): void {
    this.catchUp().catch(error =>
      this.options.logger.warn(`DORA projection failed: ${error}`),
    );
  }

  /** Re-reads the log from `seq` on the next run (after events were relinked). */
  async rewind(seq: number): Promise<void> {
    await this.options.store.rewind(seq);
  }

  private async loop(): Promise<number> {
    let applied = 0;
    do {
      this.again = false;
      for (;;) {
        const cursor = await this.options.store.getCursor();
        const page = await this.options.events.readLinked(
          cursor,
          DORA_EVENT_TYPES,
          PAGE,
        );
        if (page.length === 0) break;
        await this.options.store.apply(
          projectDoraEvents(page),
          page[page.length - 1].seq,
        );
        applied += page.length;
      }
    } while (this.again);
    return applied;
  }
}
