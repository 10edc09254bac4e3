import { useApi } from '@backstage/core-plugin-api';
import {
  CanaryCheckHistory,
  CanaryFailingAt,
  platformOrProduct,
} from '@goldenpath/plugin-platform-common';
import {
  DoraQuery,
  platformApiRef,
  ResponseOf,
} from '@goldenpath/plugin-platform-react';
import useAsync from 'react-use/esm/useAsync';

type CanaryIncidents = ResponseOf<'/canary/incidents', 'get'>;

/**
 * Which canaries were failing in a component's clusters at a time: an empty
 * list when none was (product, or nothing to say).
 */
export type CanaryFailingLookup = (
  entityRef: string,
  at: string,
) => CanaryFailingAt[];

const refKey = (entityRef: string) => entityRef.toLocaleLowerCase('en-US');

/** Builds the lookup from `GET /canary/incidents`, with platform-common's model. */
export function canaryFailingLookup(
  response: CanaryIncidents,
): CanaryFailingLookup {
  const clustersOf = new Map(
    response.components.map(c => [refKey(c.entityRef), c.clusters]),
  );
  const histories: CanaryCheckHistory[] = response.checks;
  return (entityRef, at) =>
    (clustersOf.get(refKey(entityRef)) ?? []).flatMap(
      cluster => platformOrProduct(histories, { at, cluster }).failing,
    );
}

/**
 * "Platform or product?" for the drill-down: the canary failing periods of
 * the entity's clusters in the DORA window, or `undefined` when the canary
 * feature cannot say (not installed, no clusters known, any failure): the
 * drill-down then simply has no such column, and no error to show.
 */
export function usePlatformOrProduct(
  query: DoraQuery,
): CanaryFailingLookup | undefined {
  const api = useApi(platformApiRef);
  const { value } = useAsync(async () => {
    try {
      const response = await api.get('/canary/incidents', {
        entityRef: query.entityRef,
        from: query.from,
        to: query.to,
      });
      const covered = response.components.some(c => c.clusters.length > 0);
      return covered ? canaryFailingLookup(response) : undefined;
    } catch {
      return undefined;
    }
  }, [api, query.entityRef, query.from, query.to]);
  return value;
}
