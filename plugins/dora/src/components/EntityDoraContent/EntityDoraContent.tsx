import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { DORA_ANNOTATION, isDoraGroup } from '../../availability';
import { EntityDoraGroupContent } from '../EntityDoraGroupContent';
import { DoraComponentContent } from './DoraComponentContent';

/**
 * Props of the DORA tab.
 *
 * @public
 */
export interface EntityDoraContentProps {
  /** Link to "Sending events" in the Golden Path README, shown on an empty tab. */
  eventsDocsUrl?: string;
}

/**
 * The DORA tab of the current entity: a Component's metrics, or for a Group
 * the roll-up over the components it owns.
 *
 * @public
 */
export function EntityDoraContent(props: EntityDoraContentProps) {
  const { entity } = useEntity();
  if (isDoraGroup(entity)) {
    return <EntityDoraGroupContent {...props} />;
  }
  if (!entity.metadata.annotations?.[DORA_ANNOTATION]) {
    return <MissingAnnotationEmptyState annotation={DORA_ANNOTATION} />;
  }
  return (
    <DoraComponentContent
      entityRef={stringifyEntityRef(entity)}
      eventsDocsUrl={props.eventsDocsUrl}
    />
  );
}
