/*
 * The Golden Path example backend: the Backstage core plugins the portal needs,
 * plus the shared platform backend.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@goldenpath/plugin-platform-backend'));
backend.add(import('@goldenpath/plugin-platform-backend-module-github'));
backend.add(import('@goldenpath/plugin-platform-backend-module-incidents'));

backend.start();
