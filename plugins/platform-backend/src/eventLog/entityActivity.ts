import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CanonicalEventType,
  EntityActivity,
} from '@goldenpath/plugin-platform-common';
import { resolveEntityScope } from '../catalog/resolveEntityScope';
import { EventStore } from './EventStore';

/**
 * How much of the log is linked to an entity (a Group: the Components it
 * owns), so a tab can tell "nothing ever linked" from "nothing in this
 * window" and offer the window that holds the latest data.
 */
export async function getEntityActivity(
  deps: { catalog: CatalogService; store: EventStore },
  query: { entityRef: string; types?: CanonicalEventType[] },
  credentials: BackstageCredentials,
): Promise<EntityActivity> {
  const scope = await resolveEntityScope(
    deps.catalog,
    query.entityRef,
    credentials,
  );
  const activity = await deps.store.activity(scope.entityRefs, query.types);
  return {
    entityRef: scope.entityRef,
    entityRefs: scope.entityRefs,
    ...activity,
  };
}
