import { createRouteRef } from '@backstage/core-plugin-api';

/** The Canary tab of a Component or a cluster Resource. */
export const rootRouteRef = createRouteRef({ id: 'canary' });
