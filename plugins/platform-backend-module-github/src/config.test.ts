import { ConfigReader } from '@backstage/config';
import { readGithubSourceConfig } from './config';

describe('readGithubSourceConfig', () => {
  it('applies the defaults', () => {
    expect(readGithubSourceConfig(new ConfigReader({}))).toEqual({
      webhookSecret: undefined,
      topics: ['github'],
      productionEnvironments: ['production', 'prod'],
      deploymentWorkflows: [],
      fetchCommits: true,
    });
  });

  it('reads every key', () => {
    const settings = {
      webhookSecret: 's3cret',
      topics: ['gh'],
      productionEnvironments: ['live'],
      deploymentWorkflows: ['Deploy'],
      fetchCommits: false,
    };
    expect(
      readGithubSourceConfig(
        new ConfigReader({ platform: { github: settings } }),
      ),
    ).toEqual(settings);
  });
});
