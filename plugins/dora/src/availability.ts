import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@goldenpath/plugin-platform-common';

/** The annotation the DORA tab needs on a Component. @public */
export const DORA_ANNOTATION = ANNOTATIONS.githubProjectSlug;

/** A Component that names its GitHub repository. @public */
export function isDoraComponent(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    Boolean(entity.metadata.annotations?.[DORA_ANNOTATION])
  );
}

/** A Group: its tab rolls up the components it owns. @public */
export function isDoraGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

/**
 * Whether the DORA tab applies: a Component with the `github.com/project-slug`
 * annotation, or a Group. Use with `EntitySwitch.Case`.
 *
 * @public
 */
export function isDoraAvailable(entity: Entity): boolean {
  return isDoraComponent(entity) || isDoraGroup(entity);
}
