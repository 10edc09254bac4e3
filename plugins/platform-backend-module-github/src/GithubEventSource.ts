import { PlatformEventSource } from '@goldenpath/plugin-platform-node';
import { GithubSourceConfig } from './config';
import { mapGithubEvent } from './mapping/mapGithubEvent';
import { GithubLookups } from './mapping/types';
import { verifyGithubSignature } from './signature';

/**
 * GitHub caps webhook payloads at 25 MB and does not deliver larger ones
 * ("Webhook events and payloads", payload cap), so nothing genuine is larger.
 */
export const GITHUB_MAX_BODY_SIZE = '25mb';

/**
 * The `github` event source: webhook deliveries at `/api/platform/webhooks/github`
 * (only with a secret: unsigned input is never accepted) and the same payloads
 * from events-service topics. Both paths map identically, so a delivery seen
 * on both is stored once.
 */
export function createGithubEventSource(options: {
  settings: GithubSourceConfig;
  lookups?: GithubLookups;
}): PlatformEventSource {
  const { settings, lookups } = options;
  const secret = settings.webhookSecret;
  const mapping = {
    productionEnvironments: settings.productionEnvironments,
    deploymentWorkflows: settings.deploymentWorkflows,
    lookups,
  };
  return {
    id: 'github',
    topics: settings.topics,
    maxBodySize: GITHUB_MAX_BODY_SIZE,
    // The webhook's "Content type" must be application/json; the form-encoded
    // alternative (a `payload=` field) is refused with a 415.
    contentTypes: ['application/json'],
    ...(secret && {
      async verifyWebhook({ headers, rawBody }) {
        verifyGithubSignature(secret, headers, rawBody);
      },
    }),
    toEvents: ({ payload, headers }) =>
      mapGithubEvent(headers['x-github-event'], payload, mapping),
  };
}
