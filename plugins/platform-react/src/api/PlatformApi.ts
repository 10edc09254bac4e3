import { createApiRef } from '@backstage/core-plugin-api';
import {
  PlatformGetArgs,
  PlatformGetPath,
  PlatformPostArgs,
  PlatformPostPath,
  ResponseOf,
} from './types';

/**
 * The Golden Path platform backend (`/api/platform`) as the frontend sees it:
 * every route of its openapi.yaml, typed from the spec. A feature calls, for
 * example, `api.get('/dora/metrics', { entityRef })`.
 *
 * @public
 */
export interface PlatformApi {
  /** `GET path?query`; path parameters, if the path has any, come last. */
  get<P extends PlatformGetPath>(
    path: P,
    ...args: PlatformGetArgs<P>
  ): Promise<ResponseOf<P, 'get'>>;
  /** `POST path` with a JSON body; path parameters, if any, come last. */
  post<P extends PlatformPostPath>(
    path: P,
    ...args: PlatformPostArgs<P>
  ): Promise<ResponseOf<P, 'post'>>;
}

/**
 * The API ref of {@link PlatformApi}.
 *
 * @public
 */
export const platformApiRef = createApiRef<PlatformApi>({
  id: 'plugin.platform.api',
});
