/*
 * The Golden Path example backend: the Backstage core plugins the portal needs,
 * plus the shared platform backend, its source modules and (for this example
 * portal only) the demo history module.
 */
import { createBackend } from '@backstage/backend-defaults';
import { goldenPathPermissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
// Guests read; only admins and the CI ingest token write (permissionPolicy.ts).
backend.add(goldenPathPermissionPolicyModule);

backend.add(import('@backstage/plugin-events-backend'));
// Receives the canary state-change notifications the platform backend sends.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@goldenpath/plugin-platform-backend'));
backend.add(import('@goldenpath/plugin-platform-backend-module-github'));
backend.add(import('@goldenpath/plugin-platform-backend-module-incidents'));
// OpenCost / Prometheus pollers: idle until platform.cost.sources names clusters.
backend.add(import('@goldenpath/plugin-platform-backend-module-cost'));
// Canary runner (platform.canary.clusters), Kuberhealthy and Argo Rollouts readers.
backend.add(import('@goldenpath/plugin-platform-backend-module-canary'));
// Demo history for the example portal only: installs that follow docs/install.md
// leave this module out, and app-config.production.yaml turns it off.
backend.add(import('@goldenpath/plugin-platform-backend-module-demo'));

backend.start();
