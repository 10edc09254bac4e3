import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EventListResponse,
  StoredEvent,
  platformEventReadUnlinkedPermission,
} from '@goldenpath/plugin-platform-common';
import { EventQuery, EventStore } from './EventStore';

/**
 * How many store pages one request reads at most when the catalog decides
 * visibility entity by entity. A page then holds fewer than `limit` items but
 * still a `nextCursor`: the client reads on.
 */
export const MAX_SCANNED_PAGES = 5;

/** `nextCursor`: pass as `before` for the next page; absent at the end. */
export type EventPage = EventListResponse;

/**
 * The event log as the caller may see it: events linked to catalog entities
 * the caller may read, and unlinked events only with
 * `platform.event.read.unlinked`.
 *
 * Entity visibility is the catalog's `catalog.entity.read` decision for the
 * caller, asked as the catalog itself asks it (`authorizeConditional` on the
 * `catalog-entity` resource): ALLOW reads every linked event, DENY none. A
 * CONDITIONAL decision holds catalog rules (owner, kind, labels, rules other
 * modules added) that only the catalog can apply, so the distinct entities of
 * each page are looked up in the catalog with the caller's credentials
 * (`getEntitiesByRefs`): the catalog returns null for an entity the caller
 * may not see. The cost is bounded: at most MAX_SCANNED_PAGES store pages and
 * as many catalog calls of at most `limit` refs per request.
 */
export async function listVisibleEvents(
  deps: {
    store: EventStore;
    catalog: CatalogService;
    permissions: PermissionsService;
  },
  query: EventQuery,
  credentials: BackstageCredentials,
): Promise<EventPage> {
  const { store, catalog, permissions } = deps;
  const wantsUnlinked = query.unlinked || !query.entityRef;
  const [unlinkedDecision] = wantsUnlinked
    ? await permissions.authorize(
        [{ permission: platformEventReadUnlinkedPermission }],
        { credentials },
      )
    : [{ result: AuthorizeResult.DENY }];
  const mayReadUnlinked = unlinkedDecision.result === AuthorizeResult.ALLOW;
  if (query.unlinked) {
    if (!mayReadUnlinked) {
      throw new NotAllowedError(
        `not allowed: ${platformEventReadUnlinkedPermission.name}`,
      );
    }
    // Unlinked events belong to no entity: the catalog has nothing to say.
    return page(await store.list(query), query.limit);
  }

  const [entityDecision] = await permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  const scoped: EventQuery = { ...query, linkedOnly: !mayReadUnlinked };
  if (entityDecision.result === AuthorizeResult.ALLOW) {
    return page(await store.list(scoped), query.limit);
  }
  if (entityDecision.result === AuthorizeResult.DENY) {
    if (query.entityRef || !mayReadUnlinked) return { items: [] };
    return page(await store.list({ ...query, unlinked: true }), query.limit);
  }

  const visibility = new Map<string, boolean>();
  const isVisible = async (refs: string[]) => {
    const unknown = [...new Set(refs)].filter(ref => !visibility.has(ref));
    if (unknown.length === 0) return;
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: unknown,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    unknown.forEach((ref, i) => visibility.set(ref, Boolean(items[i])));
  };

  if (query.entityRef) {
    await isVisible([query.entityRef]);
    return visibility.get(query.entityRef)
      ? page(await store.list(scoped), query.limit)
      : { items: [] };
  }
  const items: StoredEvent[] = [];
  let before = query.before;
  for (let scanned = 0; scanned < MAX_SCANNED_PAGES; scanned++) {
    const rows = await store.list({ ...scoped, before });
    await isVisible(rows.flatMap(e => (e.entityRef ? [e.entityRef] : [])));
    for (const event of rows) {
      const visible = event.entityRef
        ? visibility.get(event.entityRef)
        : mayReadUnlinked;
      if (!visible) continue;
      items.push(event);
      if (items.length === query.limit) {
        return { items, nextCursor: event.seq };
      }
    }
    if (rows.length < query.limit) return { items };
    before = rows[rows.length - 1].seq;
  }
  return { items, nextCursor: before };
}

/** One store page as it was before scoping: a full page has a cursor. */
function page(items: StoredEvent[], limit: number): EventPage {
  return items.length === limit
    ? { items, nextCursor: items[items.length - 1].seq }
    : { items };
}
