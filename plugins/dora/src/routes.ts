import { createRouteRef } from '@backstage/core-plugin-api';

/** The Component DORA tab. */
export const rootRouteRef = createRouteRef({ id: 'dora' });

/** The Group DORA tab. */
export const groupRouteRef = createRouteRef({ id: 'dora:group' });
