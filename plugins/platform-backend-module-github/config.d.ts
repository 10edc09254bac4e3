export interface Config {
  platform?: {
    /** GitHub as a source of changes and deployments (`@goldenpath/plugin-platform-backend-module-github`). */
    github?: {
      /**
       * Secret of the GitHub webhook that posts to `/api/platform/webhooks/github`;
       * deliveries are accepted only with a matching `X-Hub-Signature-256`.
       * Without it the webhook route is not mounted (events-service topics still work).
       * @visibility secret
       */
      webhookSecret?: string;
      /**
       * Events-service topics carrying raw GitHub webhook payloads, with the
       * `x-github-event` header as metadata (as published by
       * `@backstage/plugin-events-backend-module-github`).
       * @default ["github"]
       * @visibility backend
       */
      topics?: string[];
      /**
       * GitHub environment names (case-insensitive) that are the canonical
       * `production` environment. Other environments keep their name, lower-cased.
       * @default ["production", "prod"]
       * @visibility backend
       */
      productionEnvironments?: string[];
      /**
       * Names of GitHub Actions workflows whose completed runs on the default
       * branch are production deployments (for repositories that deploy without
       * GitHub Deployments). Matched case-sensitively against the workflow name.
       * @default []
       * @visibility backend
       */
      deploymentWorkflows?: string[];
      /**
       * Whether to ask the GitHub API (with the credentials of `integrations.github`)
       * for the commits of a merged pull request and the commits a deployment
       * ships. When false, changes carry no commits and deployments only the
       * `changeShas` their deployment payload lists.
       * @default true
       * @visibility backend
       */
      fetchCommits?: boolean;
    };
  };
}
