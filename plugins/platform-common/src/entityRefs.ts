import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The one spelling of an entity ref everywhere in Golden Path: full
 * `kind:namespace/name`, lower-cased (the catalog compares refs
 * case-insensitively), with `component` and `default` filled in when left out.
 * Throws the catalog model's error for a malformed ref.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: string,
  options: { defaultKind?: string } = {},
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: options.defaultKind ?? 'component' }),
  ).toLowerCase();
}
