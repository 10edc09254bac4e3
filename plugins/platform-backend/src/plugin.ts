import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { platformPermissions } from '@goldenpath/plugin-platform-common';
import {
  PlatformCanaryRunner,
  PlatformEventProducer,
  PlatformEventSource,
  platformCanaryRunnersExtensionPoint,
  platformEventProducersExtensionPoint,
  platformEventSourcesExtensionPoint,
} from '@goldenpath/plugin-platform-node';
import { readPlatformConfig } from './config';
import { DatabaseEventStore } from './eventLog/DatabaseEventStore';
import { platformFeatures } from './features';
import { connectProducers } from './ingest/connectProducers';
import { EventIntake } from './ingest/EventIntake';
import { subscribeToEventsService } from './ingest/subscribeToEventsService';
import { CatalogEntityLinker } from './linker/CatalogEntityLinker';
import { UnlinkedEventRelinker } from './linker/relinkUnlinkedEvents';
import { applyRetention } from './eventLog/applyRetention';
import { DatabaseProjectionStateStore } from './projections/DatabaseProjectionStateStore';
import { ProjectionRunner } from './projections/ProjectionRunner';
import { loggedTask } from './loggedTask';
import { createRouter } from './service/router';
import { uniqueById } from './uniqueById';

/**
 * The Golden Path shared backend: event intake, event log, entity linking,
 * the projection runner, and every feature's routes.
 * Wiring only; every piece takes a plain options object.
 *
 * @public
 */
export const platformPlugin = createBackendPlugin({
  pluginId: 'platform',
  register(env) {
    const sources = uniqueById<PlatformEventSource>('Event source');
    env.registerExtensionPoint(platformEventSourcesExtensionPoint, {
      addEventSource: (...added) => sources.add(added),
    });
    const producers = uniqueById<PlatformEventProducer>('Event producer');
    env.registerExtensionPoint(platformEventProducersExtensionPoint, {
      addEventProducer: (...added) => producers.add(added),
    });
    const canaryRunners: PlatformCanaryRunner[] = [];
    env.registerExtensionPoint(platformCanaryRunnersExtensionPoint, {
      addRunner: (...added) => canaryRunners.push(...added),
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
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, auth, catalog, scheduler, database } = deps;
        const settings = readPlatformConfig(config);
        deps.permissionsRegistry.addPermissions(platformPermissions);

        const store = await DatabaseEventStore.create({ database });
        const features = [];
        for (const factory of platformFeatures) {
          features.push(
            await factory.create({
              rootConfig: config,
              logger: logger.child({ feature: factory.id }),
              database,
              catalog,
              actionsRegistry: deps.actionsRegistry,
              auth,
              permissions: deps.permissions,
              eventLog: store,
              notifications: deps.notifications,
              canaryRunners,
            }),
          );
        }
        const projections = features.flatMap(f => f.projections);
        const eventLogRetention = features.flatMap(
          f => f.eventLogRetention ?? [],
        );
        const projectionState = await DatabaseProjectionStateStore.create({
          database,
        });
        const runner = new ProjectionRunner({
          projections,
          events: store,
          state: projectionState,
          logger,
          pageSize: settings.projections.pageSize,
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
          onStored: () => runner.trigger(),
        });

        await subscribeToEventsService({
          events: deps.events,
          intake,
          topics: settings.topics,
          sources: sources.values(),
          logger,
        });

        const relinker = new UnlinkedEventRelinker({
          store,
          linker,
          logger,
          windowMs: settings.linker.relinkWindowMs,
          maxPerRun: settings.linker.maxRelinkPerRun,
        });
        // Each `scope: 'global'` comes after the spread: a schedule read from
        // config carries `scope: undefined`, which would override it.
        await scheduler.scheduleTask({
          id: 'platform-relink-events',
          ...settings.linker.schedule,
          scope: 'global',
          fn: loggedTask(logger, 'platform-relink-events', async () => {
            const { firstLinkedSeq } = await relinker.run();
            if (firstLinkedSeq) {
              await runner.rewind(firstLinkedSeq - 1);
              runner.trigger();
            }
          }),
        });

        await scheduler.scheduleTask({
          id: 'platform-retention',
          ...settings.retention.schedule,
          scope: 'global',
          fn: signal =>
            loggedTask(logger, 'platform-retention', async () => {
              await applyRetention({
                store,
                settings: settings.retention,
                byType: {
                  rules: eventLogRetention,
                  projections,
                  cursors: projectionState,
                },
                logger,
                signal,
              });
            })(),
        });

        for (const feature of features) {
          for (const task of feature.tasks ?? []) {
            const id = `platform-${feature.id}-${task.id}`;
            await scheduler.scheduleTask({
              id,
              ...task.schedule,
              scope: 'global',
              fn: signal => loggedTask(logger, id, () => task.run(signal))(),
            });
          }
        }

        await scheduler.scheduleTask({
          id: 'platform-projections',
          ...settings.projections.schedule,
          scope: 'global',
          fn: loggedTask(logger, 'platform-projections', async () => {
            await runner.catchUp();
          }),
        });

        deps.httpRouter.use(
          await createRouter({
            intake,
            store,
            catalog,
            features,
            linkerStatus: () => linker.status(),
            projectionHealth: () => runner.health(),
            sources: sources.values(),
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            maxBodySize: settings.intake.maxBodySize,
          }),
        );
        // The router is its own credentials barrier (service/credentials.ts):
        // the framework's runs before it and answers some malformed tokens
        // with a 500. Webhooks stay unauthenticated (their signature decides).
        deps.httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });

        await connectProducers({
          producers: producers.values(),
          intake,
          store,
          logger,
        });
      },
    });
  },
});
