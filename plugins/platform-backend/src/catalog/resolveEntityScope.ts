import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '@goldenpath/plugin-platform-common';

/** What a read about one entity covers. */
export interface EntityScope {
  /** The entity asked about, normalised. */
  entityRef: string;
  /** Its kind, lower-cased. */
  kind: string;
  /** The entity itself, or for a Group the Components it owns directly. */
  entityRefs: string[];
}

/**
 * Looks the entity up with the caller's credentials, so the catalog's
 * permissions decide what a user may see: a ref that does not parse is a
 * 400, an invisible entity a 404 like one that does not exist. `ref` is the
 * entity's own ref, lower-cased.
 */
export async function lookUpEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<{ entity: Entity; ref: string }> {
  let requested: string;
  try {
    requested = normalizeEntityRef(entityRef);
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
  const entity = await catalog.getEntityByRef(requested, { credentials });
  if (!entity) {
    throw new NotFoundError(`no catalog entity ${requested}`);
  }
  return { entity, ref: stringifyEntityRef(entity).toLowerCase() };
}

/**
 * The entity as the caller sees it (see lookUpEntity), a Group expanded to
 * the Components it owns.
 */
export async function resolveEntityScope(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<EntityScope> {
  const { entity, ref } = await lookUpEntity(catalog, entityRef, credentials);
  const kind = entity.kind.toLowerCase();
  if (kind !== 'group') return { entityRef: ref, kind, entityRefs: [ref] };
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Component', 'relations.ownedBy': ref },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  return {
    entityRef: ref,
    kind,
    entityRefs: items.map(e => stringifyEntityRef(e).toLowerCase()).sort(),
  };
}
