import { Config } from '@backstage/config';

/** Settings of the GitHub source, read from `platform.github`. */
export interface GithubSourceConfig {
  webhookSecret?: string;
  topics: string[];
  productionEnvironments: string[];
  deploymentWorkflows: string[];
  fetchCommits: boolean;
}

export function readGithubSourceConfig(config: Config): GithubSourceConfig {
  const github = config.getOptionalConfig('platform.github');
  return {
    webhookSecret: github?.getOptionalString('webhookSecret') || undefined,
    topics: github?.getOptionalStringArray('topics') ?? ['github'],
    productionEnvironments: github?.getOptionalStringArray(
      'productionEnvironments',
    ) ?? ['production', 'prod'],
    deploymentWorkflows:
      github?.getOptionalStringArray('deploymentWorkflows') ?? [],
    fetchCommits: github?.getOptionalBoolean('fetchCommits') ?? true,
  };
}
