import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { platformEventSourcesExtensionPoint } from '@goldenpath/plugin-platform-node';
import { GithubApi } from './api/GithubApi';
import { GithubCommitLookups } from './api/GithubCommitLookups';
import { readGithubSourceConfig } from './config';
import { createGithubEventSource } from './GithubEventSource';

/**
 * Adds GitHub (merged pull requests, deployments) as a platform event source.
 *
 * @public
 */
export const platformModuleGithub = createBackendModule({
  pluginId: 'platform',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        sources: platformEventSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        const settings = readGithubSourceConfig(config);
        if (!settings.webhookSecret) {
          logger.info(
            'platform.github.webhookSecret is not set: the GitHub webhook is disabled; payloads are still read from the events-service topics',
          );
        }
        const lookups = settings.fetchCommits
          ? new GithubCommitLookups({
              api: GithubApi.fromConfig(config),
              logger,
            })
          : undefined;
        sources.addEventSource(createGithubEventSource({ settings, lookups }));
      },
    });
  },
});
