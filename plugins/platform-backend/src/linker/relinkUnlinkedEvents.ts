import { LoggerService } from '@backstage/backend-plugin-api';
import { EventStore } from '../eventLog/EventStore';
import { CatalogEntityLinker } from './CatalogEntityLinker';

const PAGE = 1000;

/**
 * Links events that arrived before their entity existed (or while the catalog
 * was unreachable). Pages through unlinked events by log position, so it is
 * bounded in memory however large the backlog. Returns the first seq it linked
 * so projections can re-read the log from there.
 */
export async function relinkUnlinkedEvents(options: {
  store: EventStore;
  linker: CatalogEntityLinker;
  logger: LoggerService;
}): Promise<{ examined: number; linked: number; firstLinkedSeq?: number }> {
  const { store, linker, logger } = options;
  await linker.refresh();
  let after = 0;
  let examined = 0;
  let linked = 0;
  let firstLinkedSeq: number | undefined;
  for (;;) {
    const page = await store.listUnlinked(after, PAGE);
    if (page.length === 0) break;
    examined += page.length;
    after = page[page.length - 1].seq;
    const results = await linker.link(page);
    const updates = page.flatMap((event, i) => {
      const entityRef = results[i].entityRef;
      return entityRef ? [{ seq: event.seq, entityRef, linkReason: null }] : [];
    });
    await store.updateLinks(updates);
    linked += updates.length;
    firstLinkedSeq ??= updates[0]?.seq;
  }
  if (examined > 0) {
    logger.info(`Relinked ${linked} of ${examined} unlinked events`);
  }
  return { examined, linked, ...(firstLinkedSeq ? { firstLinkedSeq } : {}) };
}
