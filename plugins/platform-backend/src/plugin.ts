import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { platformPermissions } from '@goldenpath/plugin-platform-common';
import {
  PlatformEventSource,
  platformEventSourcesExtensionPoint,
} from '@goldenpath/plugin-platform-node';
import { createGetDoraMetricsAction } from './actions/createGetDoraMetricsAction';
import { readPlatformConfig } from './config';
import { DatabaseDoraStore } from './database/DatabaseDoraStore';
import { DatabaseEventStore } from './database/DatabaseEventStore';
import { DoraProjector } from './dora/DoraProjector';
import { DoraService } from './dora/DoraService';
import { seedDemoData } from './demo/seedDemoData';
import { EventIntake } from './ingest/EventIntake';
import { subscribeToEventsService } from './ingest/subscribeToEventsService';
import { CatalogEntityLinker } from './linker/CatalogEntityLinker';
import { relinkUnlinkedEvents } from './linker/relinkUnlinkedEvents';
import { createRouter } from './service/router';

/**
 * The Golden Path shared backend: event intake, event log, entity linking.
 * Wiring only; every piece takes a plain options object.
 *
 * @public
 */
export const platformPlugin = createBackendPlugin({
  pluginId: 'platform',
  register(env) {
    const sources = new Map<string, PlatformEventSource>();
    env.registerExtensionPoint(platformEventSourcesExtensionPoint, {
      addEventSource(...added) {
        for (const source of added) {
          if (sources.has(source.id)) {
            throw new Error(
              `Event source "${source.id}" is already registered`,
            );
          }
          sources.set(source.id, source);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog, scheduler } = deps;
        const settings = readPlatformConfig(config);
        deps.permissionsRegistry.addPermissions(platformPermissions);

        const store = await DatabaseEventStore.create({
          database: deps.database,
        });
        const doraStore = await DatabaseDoraStore.create({
          database: deps.database,
        });
        const projector = new DoraProjector({
          events: store,
          store: doraStore,
          logger,
        });
        const dora = new DoraService({
          store: doraStore,
          catalog,
          defaults: settings.dora,
        });
        createGetDoraMetricsAction({
          actionsRegistry: deps.actionsRegistry,
          dora,
        });
        const linker = new CatalogEntityLinker({
          catalog,
          auth,
          logger,
          maxAgeMs: settings.linker.cacheTtlMs,
        });
        const intake = new EventIntake({
          store,
          linker,
          maxBatchSize: settings.intake.maxBatchSize,
          maxFutureSkewMs: settings.intake.maxFutureSkewMs,
          onStored: () => projector.trigger(),
        });

        await subscribeToEventsService({
          events: deps.events,
          intake,
          topics: settings.topics,
          sources: [...sources.values()],
          logger,
        });

        await scheduler.scheduleTask({
          id: 'platform-relink-events',
          scope: 'global',
          ...settings.linker.schedule,
          fn: async () => {
            const { firstLinkedSeq } = await relinkUnlinkedEvents({
              store,
              linker,
              logger,
            });
            if (firstLinkedSeq) {
              await projector.rewind(firstLinkedSeq - 1);
              projector.trigger();
            }
          },
        });

        await scheduler.scheduleTask({
          id: 'platform-dora-projection',
          scope: 'global',
          ...settings.dora.projectionSchedule,
          fn: async () => {
            await projector.catchUp();
          },
        });

        if (settings.demo.enabled) {
          logger.warn('platform.demo.enabled: demo history will be generated');
          await scheduler.scheduleTask({
            id: 'platform-demo-data',
            scope: 'global',
            ...settings.demo.schedule,
            fn: async () => {
              await seedDemoData({
                catalog,
                auth,
                store,
                intake,
                logger,
                historyDays: settings.demo.historyDays,
                telemetryDays: settings.demo.telemetryDays,
                batchSize: settings.intake.maxBatchSize,
              });
            },
          });
        }

        deps.httpRouter.use(
          await createRouter({
            intake,
            dora,
            store,
            linkerStatus: () => linker.status(),
            sources: [...sources.values()],
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            maxBodySize: settings.intake.maxBodySize,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
