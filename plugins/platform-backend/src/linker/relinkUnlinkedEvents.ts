import { LoggerService } from '@backstage/backend-plugin-api';
import { EventStore, LinkUpdate } from '../eventLog/EventStore';
import { EntityIndex } from './EntityIndex';

const PAGE = 1000;
const DAY_MS = 24 * 3_600_000;

/** What one relink run did. */
export interface RelinkResult {
  examined: number;
  linked: number;
  /** The first seq linked, so projections can re-read the log from there. */
  firstLinkedSeq?: number;
  /** The run stopped at `maxPerRun` with events left to examine. */
  more: boolean;
}

export interface RelinkOptions {
  store: EventStore;
  /** Rebuilds the entity index from the catalog (CatalogEntityLinker). */
  linker: { refresh(): Promise<EntityIndex> };
  logger: LoggerService;
  /** Only events received this recently are examined. Default 30 days. */
  windowMs?: number;
  /** Most events examined per run. Default 10,000. */
  maxPerRun?: number;
  /**
   * Events received this recently may still have neighbours in the log that
   * are not committed yet (a seq is taken before its transaction commits), so
   * the cursor stays before them and they are examined again next run.
   * Default 15 minutes.
   */
  settleMs?: number;
  now?: () => Date;
}

/**
 * Links events that arrived before their entity existed (or while the catalog
 * was unreachable), with bounded work per run:
 *
 * - only events received within `windowMs`, at most `maxPerRun` per run;
 * - a cursor remembers how far the log has been examined against the current
 *   entity index. Linking is a pure function of an event's subject and the
 *   index, so an event that failed against an index with the same fingerprint
 *   fails again: while the catalog's linkable content stays the same, a run
 *   examines only events that arrived since. When it changes, the cursor goes
 *   on to the end and then wraps once to re-examine the events behind it.
 *
 * The state is in memory: a restarted (or another) replica starts with one
 * full pass, which is only extra work, never a missed link, since linking
 * only ever removes events from the unlinked set.
 */
export class UnlinkedEventRelinker {
  private readonly windowMs: number;
  private readonly maxPerRun: number;
  private readonly settleMs: number;
  private readonly now: () => Date;
  /** Unlinked events at or before it failed against `fingerprint` (unless `behindStale`). */
  private cursor = 0;
  private fingerprint?: string;
  /** Events behind the cursor were examined against an older index. */
  private behindStale = false;

  constructor(private readonly options: RelinkOptions) {
    this.windowMs = options.windowMs ?? 30 * DAY_MS;
    this.maxPerRun = options.maxPerRun ?? 10_000;
    this.settleMs = options.settleMs ?? 15 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  async run(): Promise<RelinkResult> {
    const { store, logger } = this.options;
    const index = await this.options.linker.refresh();
    if (index.fingerprint !== this.fingerprint) {
      this.behindStale = this.cursor > 0;
      this.fingerprint = index.fingerprint;
    }
    const nowMs = this.now().getTime();
    const receivedSince = new Date(nowMs - this.windowMs).toISOString();
    const settledBefore = new Date(nowMs - this.settleMs).toISOString();

    let position = this.cursor;
    /** Once an unsettled event is passed, the cursor stays where it is. */
    let holding = false;
    let examined = 0;
    let linked = 0;
    let firstLinkedSeq: number | undefined;
    while (examined < this.maxPerRun) {
      const page = await store.listUnlinked(
        position,
        Math.min(PAGE, this.maxPerRun - examined),
        { receivedSince },
      );
      if (page.length === 0) {
        if (!this.behindStale) break;
        // wrap once: what lies behind the cursor has not met this index
        this.behindStale = false;
        this.cursor = position = 0;
        holding = false;
        continue;
      }
      examined += page.length;
      const updates: LinkUpdate[] = [];
      for (const event of page) {
        const result = index.resolve(event.subject, event.entityRef);
        if (result.entityRef) {
          updates.push({
            seq: event.seq,
            entityRef: result.entityRef,
            linkReason: null,
          });
        }
        holding ||= event.receivedAt >= settledBefore;
        if (!holding) this.cursor = event.seq;
      }
      position = page[page.length - 1].seq;
      await store.updateLinks(updates);
      linked += updates.length;
      if (updates.length > 0) {
        firstLinkedSeq = Math.min(firstLinkedSeq ?? Infinity, updates[0].seq);
      }
    }
    const more = examined >= this.maxPerRun;
    if (examined > 0) {
      logger.info(
        `Relinked ${linked} of ${examined} unlinked events${
          more ? ` (stopped at ${this.maxPerRun}; the next run goes on)` : ''
        }`,
      );
    }
    return {
      examined,
      linked,
      more,
      ...(firstLinkedSeq ? { firstLinkedSeq } : {}),
    };
  }
}

/** One relink run with fresh state: every unlinked event in the window is examined (up to `maxPerRun`). */
export function relinkUnlinkedEvents(
  options: RelinkOptions,
): Promise<RelinkResult> {
  return new UnlinkedEventRelinker(options).run();
}
