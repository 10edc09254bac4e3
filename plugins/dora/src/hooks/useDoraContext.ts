import { useApi } from '@backstage/core-plugin-api';
import {
  DoraEnvironmentsResponse,
  EntityActivity,
} from '@goldenpath/plugin-platform-common';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import useAsync from 'react-use/esm/useAsync';

/** The event types the DORA numbers are computed from. */
export const DORA_EVENT_TYPES = [
  'deployment.finished',
  'change.merged',
  'incident.opened',
  'incident.resolved',
];

/** The environments an entity (or a Group's components) deployed to. */
export function useDoraEnvironments(entityRef: string) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<DoraEnvironmentsResponse> =>
      api.get('/dora/environments', { entityRef }),
    [api, entityRef],
  );
}

/** Whether and when DORA events were ever linked to an entity. */
export function useDoraActivity(entityRef: string) {
  const api = useApi(platformApiRef);
  return useAsync(
    (): Promise<EntityActivity> =>
      api.get('/activity', { entityRef, type: DORA_EVENT_TYPES.join(',') }),
    [api, entityRef],
  );
}
