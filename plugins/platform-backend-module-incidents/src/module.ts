import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { platformEventSourcesExtensionPoint } from '@goldenpath/plugin-platform-node';
import { readIncidentsConfig } from './config';
import { createIncidentsSource, createPagerDutySource } from './sources';

/**
 * Adds the generic incident webhook and PagerDuty as platform event sources.
 * A source without its secret is not installed: unsigned input is never accepted.
 *
 * @public
 */
export const platformModuleIncidents = createBackendModule({
  pluginId: 'platform',
  moduleId: 'incidents',
  register(env) {
    env.registerInit({
      deps: {
        sources: platformEventSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        const settings = readIncidentsConfig(config);
        if (settings.webhookSecret) {
          sources.addEventSource(
            createIncidentsSource({ webhookSecret: settings.webhookSecret }),
          );
        } else {
          logger.info(
            'platform.incidents.webhookSecret is not set: the generic incident webhook is disabled',
          );
        }
        const { pagerduty } = settings;
        if (pagerduty.webhookSecret) {
          sources.addEventSource(
            createPagerDutySource({
              webhookSecret: pagerduty.webhookSecret,
              services: pagerduty.services,
            }),
          );
        } else {
          logger.info(
            'platform.incidents.pagerduty.webhookSecret is not set: the PagerDuty webhook is disabled',
          );
        }
      },
    });
  },
});
