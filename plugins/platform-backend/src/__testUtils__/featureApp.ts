import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { EventStore } from '../eventLog/EventStore';
import { PlatformFeature } from '../features/PlatformFeature';
import { createRouter } from '../service/router';

/**
 * The platform router serving one feature's routes, as plugin.ts mounts
 * them, behind the test error handler: the log and catalog are the given
 * ones; no intake, sources or projection health; a request without
 * credentials is refused as in production.
 */
export async function createFeatureApp(options: {
  id: string;
  registerRoutes: PlatformFeature['registerRoutes'];
  events: EventStore;
  catalog: CatalogService;
}): Promise<express.Express> {
  const router = await createRouter({
    intake: {} as any,
    store: options.events,
    catalog: options.catalog,
    features: [
      {
        id: options.id,
        projections: [],
        registerRoutes: options.registerRoutes,
      },
    ],
    linkerStatus: () => ({ entitiesIndexed: 0, indexBuiltAt: null }),
    projectionHealth: async () => ({}),
    sources: [],
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions: mockServices.permissions(),
    maxBodySize: '1mb',
  });
  return express().use(router).use(mockErrorHandler());
}
