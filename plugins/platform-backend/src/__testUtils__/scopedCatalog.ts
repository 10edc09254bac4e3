import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** Who sees what: the caller's user ref (or service subject), then the entity ref. */
export type Visibility = (caller: string, entityRef: string) => boolean;

function callerOf(credentials?: BackstageCredentials): string {
  const principal = credentials?.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | undefined;
  if (!principal) return 'none';
  return principal.type === 'user'
    ? principal.userEntityRef
    : principal.subject;
}

/**
 * A catalog that applies a permission policy the way the real one does for a
 * conditional decision: an entity the caller may not see is absent from
 * every read made with the caller's credentials (null by ref, missing from
 * lists). Each read is recorded with the caller it was made for.
 */
export function scopedCatalog(
  entities: Entity[],
  visible: Visibility,
): CatalogService & { reads: Array<{ method: string; caller: string }> } {
  const all = catalogServiceMock({ entities });
  const reads: Array<{ method: string; caller: string }> = [];
  const shows = (caller: string, entity: Entity | undefined | null) =>
    entity && visible(caller, stringifyEntityRef(entity).toLowerCase())
      ? entity
      : undefined;
  const scoped: Partial<CatalogService> = {
    async getEntityByRef(ref, options) {
      const caller = callerOf(options?.credentials);
      reads.push({ method: 'getEntityByRef', caller });
      return shows(caller, await all.getEntityByRef(ref, options));
    },
    async getEntitiesByRefs(request, options) {
      const caller = callerOf(options?.credentials);
      reads.push({ method: 'getEntitiesByRefs', caller });
      const { items } = await all.getEntitiesByRefs(request, options);
      return { items: items.map(e => shows(caller, e)) };
    },
    async getEntities(request, options) {
      const caller = callerOf(options?.credentials);
      reads.push({ method: 'getEntities', caller });
      const { items } = await all.getEntities(request, options);
      return { items: items.filter(e => shows(caller, e)) };
    },
  };
  return Object.assign(Object.create(all), scoped, { reads });
}
