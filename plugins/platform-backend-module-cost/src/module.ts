import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { platformEventProducersExtensionPoint } from '@goldenpath/plugin-platform-node';
import { readCostSourceSettings } from './config';
import {
  CostSource,
  createCostSourcesProducer,
} from './createCostSourcesProducer';
import { createOpenCostReader } from './opencost/readOpenCost';
import { priceBookFromConfig } from './priceBook';
import { createPrometheusReader } from './prometheus/readPrometheus';

/**
 * OpenCost and Prometheus pollers for the platform backend: hourly
 * `pod.usage` per container and `node.cost` per node of the configured
 * clusters, through the intake. Nothing runs until
 * `platform.cost.sources.opencost.clusters` or `.prometheus.clusters` lists a
 * cluster.
 *
 * @public
 */
export const platformModuleCostSources = createBackendModule({
  pluginId: 'platform',
  moduleId: 'cost-sources',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        producers: platformEventProducersExtensionPoint,
      },
      async init({ config, logger, scheduler, producers }) {
        const prices = priceBookFromConfig(config);
        const sources: CostSource[] = [];
        const opencost = readCostSourceSettings(config, 'opencost');
        if (opencost) {
          sources.push({
            name: 'opencost',
            settings: opencost,
            read: createOpenCostReader({
              timeoutMs: opencost.requestTimeoutMs,
              prices,
            }),
          });
        }
        const prometheus = readCostSourceSettings(config, 'prometheus');
        if (prometheus) {
          sources.push({
            name: 'prometheus',
            settings: prometheus,
            read: createPrometheusReader({
              timeoutMs: prometheus.requestTimeoutMs,
              prices,
            }),
          });
        }
        if (sources.length === 0) {
          logger.info(
            'No cost source configured (platform.cost.sources.opencost.clusters, platform.cost.sources.prometheus.clusters): nothing to poll',
          );
          return;
        }
        for (const source of sources) {
          logger.info(
            `Cost source ${source.name}: ${source.settings.clusters
              .map(c => c.name)
              .join(', ')}`,
          );
        }
        producers.addEventProducer(
          createCostSourcesProducer({ sources, scheduler, logger }),
        );
      },
    });
  },
});
