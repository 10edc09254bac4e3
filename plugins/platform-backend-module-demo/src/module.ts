import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformEventProducersExtensionPoint } from '@goldenpath/plugin-platform-node';
import { readDemoConfig } from './config';
import { createDemoEventProducer } from './createDemoEventProducer';

/**
 * Deterministic demo history for the catalog's annotated components and
 * clusters, sent through the platform intake. For trial portals only: adding
 * the module is the opt-in, `platform.demo.enabled: false` turns it off.
 *
 * @public
 */
export const platformModuleDemo = createBackendModule({
  pluginId: 'platform',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        producers: platformEventProducersExtensionPoint,
      },
      async init({ config, logger, scheduler, auth, catalog, producers }) {
        const settings = readDemoConfig(config);
        if (!settings.enabled) {
          logger.info('platform.demo.enabled is false: no demo history');
          return;
        }
        logger.warn(
          `Demo history is being generated from sources named demo-* (historyDays ${settings.historyDays}, telemetryDays ${settings.telemetryDays}): for trial portals only; remove the module or set platform.demo.enabled: false in production`,
        );
        producers.addEventProducer(
          createDemoEventProducer({
            settings,
            scheduler,
            catalog,
            auth,
            logger,
          }),
        );
      },
    });
  },
});
