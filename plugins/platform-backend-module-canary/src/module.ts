import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  platformCanaryRunnersExtensionPoint,
  platformEventProducersExtensionPoint,
} from '@goldenpath/plugin-platform-node';
import { createKuberhealthyPoller } from './kuberhealthy/KuberhealthyPoller';
import { readKubernetesClusters } from './kubernetes/clusters';
import {
  lazyClusters,
  readKuberhealthySettings,
  readRolloutsSettings,
} from './readersConfig';
import { createRolloutsPoller } from './rollouts/RolloutsPoller';
import { asPlatformCanaryRunner } from './runner/asPlatformCanaryRunner';
import { CanaryRunner } from './runner/CanaryRunner';
import { readRunnerClusters } from './runner/config';

/**
 * Canary sources for the platform backend: the built-in runner of the checks
 * in `platform.canary.clusters`, and, when configured, the Kuberhealthy and
 * Argo Rollouts readers over the clusters of `kubernetes.clusterLocatorMethods`.
 * Each sends its events through the platform intake.
 *
 * @public
 */
export const platformModuleCanarySources = createBackendModule({
  pluginId: 'platform',
  moduleId: 'canary-sources',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        producers: platformEventProducersExtensionPoint,
        runners: platformCanaryRunnersExtensionPoint,
      },
      async init({
        config,
        logger,
        scheduler,
        auth,
        catalog,
        producers,
        runners,
      }) {
        const runnerClusters = readRunnerClusters(config);
        const checks = runnerClusters.flatMap(c => c.checks);
        if (checks.length > 0) {
          const runner = new CanaryRunner({
            clusters: runnerClusters,
            scheduler,
            logger,
          });
          producers.addEventProducer(runner);
          // "Run now" (POST /canary/.../run) reaches the runner through this
          runners.addRunner(asPlatformCanaryRunner(runner));
          logger.info(
            `Canary runner: ${checks.length} checks in ${runnerClusters
              .map(c => c.name)
              .join(', ')}`,
          );
        }

        const kubernetes = lazyClusters(() =>
          readKubernetesClusters(config, logger),
        );
        const kuberhealthy = readKuberhealthySettings(config, kubernetes);
        if (kuberhealthy?.clusters.length) {
          producers.addEventProducer(
            createKuberhealthyPoller({
              settings: kuberhealthy,
              scheduler,
              logger,
            }),
          );
          logger.info(
            `Canary Kuberhealthy reader: ${kuberhealthy.clusters
              .map(c => c.name)
              .join(', ')}`,
          );
        } else if (kuberhealthy) {
          logger.warn(
            'platform.canary.kuberhealthy is on but kubernetes.clusterLocatorMethods has no usable cluster: nothing to read',
          );
        }
        const rollouts = readRolloutsSettings(config, kubernetes);
        if (rollouts?.clusters.length) {
          producers.addEventProducer(
            createRolloutsPoller({
              settings: rollouts,
              scheduler,
              logger,
              catalog,
              auth,
            }),
          );
          logger.info(
            `Canary Argo Rollouts reader: ${rollouts.clusters
              .map(c => c.name)
              .join(', ')}`,
          );
        } else if (rollouts) {
          logger.warn(
            'platform.canary.rollouts is on but kubernetes.clusterLocatorMethods has no usable cluster: nothing to read',
          );
        }
        if (checks.length === 0 && !kuberhealthy && !rollouts) {
          logger.info(
            'No canary source configured (platform.canary.clusters, platform.canary.kuberhealthy, platform.canary.rollouts): nothing to run',
          );
        }
      },
    });
  },
});
