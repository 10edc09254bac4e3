import { createRouteRef } from '@backstage/core-plugin-api';

/** The Cost tab of a Component, Group or cluster Resource. */
export const rootRouteRef = createRouteRef({ id: 'cost' });
