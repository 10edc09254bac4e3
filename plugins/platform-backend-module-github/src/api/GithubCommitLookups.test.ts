import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { FakeRoute, fakeFetch, fixture } from '../__testUtils__/fakeFetch';
import { DeploymentTarget } from '../mapping/types';
import { GithubApi } from './GithubApi';
import { GithubCommitLookups } from './GithubCommitLookups';

const repo = {
  fullName: 'acme/payments-api',
  htmlUrl: 'https://github.com/acme/payments-api',
};
const base = '/repos/acme/payments-api';
const head = '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const previous = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

const deploymentTarget: DeploymentTarget = {
  kind: 'deployment',
  deploymentId: 1502938475,
  environment: 'prod',
  sha: head,
  createdAt: '2026-11-02T14:10:02Z',
};

function setup(routes: Record<string, FakeRoute>, config: object = {}) {
  const { fetch, calls } = fakeFetch(routes);
  const logger = mockServices.logger.mock();
  const api = GithubApi.fromConfig(new ConfigReader(config), { fetch });
  return { lookups: new GithubCommitLookups({ api, logger }), calls, logger };
}

describe('pullRequestCommits', () => {
  it('reads the commits with their committer times, using the integration credentials', async () => {
    const { lookups, calls } = setup(
      {
        [`${base}/pulls/42/commits?per_page=100&page=1`]: {
          body: fixture('api.pulls.commits'),
        },
      },
      { integrations: { github: [{ host: 'github.com', token: 't0ken' }] } },
    );
    expect(await lookups.pullRequestCommits(repo, 42)).toEqual([
      {
        sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9001a2b3c4',
        committedAt: '2026-11-01T16:40:12Z',
      },
      {
        sha: 'b2c3d4e5f60718293a4b5c6d7e8f9001a2b3c4d5',
        committedAt: '2026-11-02T09:05:33Z',
      },
      {
        sha: 'c3d4e5f60718293a4b5c6d7e8f9001a2b3c4d5e6',
        committedAt: '2026-11-02T11:47:01Z',
      },
    ]);
    expect(calls).toEqual([
      {
        url: 'https://api.github.com/repos/acme/payments-api/pulls/42/commits?per_page=100&page=1',
        headers: expect.objectContaining({
          Accept: 'application/vnd.github+json',
          Authorization: 'Bearer t0ken',
        }),
      },
    ]);
  });

  it('follows pages until one is not full', async () => {
    const page = (n: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        sha: `${String(n)}${String(i).padStart(6, '0')}abc`,
        commit: { committer: { date: '2026-11-01T00:00:00Z' } },
      }));
    const { lookups, calls } = setup({
      [`${base}/pulls/7/commits?per_page=100&page=1`]: { body: page(1, 100) },
      [`${base}/pulls/7/commits?per_page=100&page=2`]: { body: page(2, 20) },
    });
    expect(await lookups.pullRequestCommits(repo, 7)).toHaveLength(120);
    expect(calls).toHaveLength(2);
  });

  it('answers [] and logs a warning when GitHub fails', async () => {
    const { lookups, logger } = setup({
      [`${base}/pulls/42/commits`]: { status: 502, body: { message: 'Bad' } },
    });
    expect(await lookups.pullRequestCommits(repo, 42)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/acme\/payments-api#42 .*without commits: .*502/),
    );
  });

  it('uses the apiBaseUrl of a GitHub Enterprise host', async () => {
    const { lookups, calls } = setup(
      { '/api/v3/repos/acme/payments-api/pulls/1/commits': { body: [] } },
      {
        integrations: {
          github: [
            {
              host: 'ghe.acme.example',
              apiBaseUrl: 'https://ghe.acme.example/api/v3',
            },
          ],
        },
      },
    );
    await lookups.pullRequestCommits(
      { ...repo, htmlUrl: 'https://ghe.acme.example/acme/payments-api' },
      1,
    );
    expect(calls[0].url).toMatch(/^https:\/\/ghe\.acme\.example\/api\/v3\//);
  });
});

describe('deployedShas of a GitHub deployment', () => {
  const deployments = {
    [`${base}/deployments?environment=prod&per_page=30`]: {
      body: [
        // The deployment itself, then earlier ones, newest first.
        { id: 1502938475, sha: head, created_at: '2026-11-02T14:10:02Z' },
        {
          id: 1502930001,
          sha: 'fa11ed00fa11ed00fa11ed00fa11ed00fa11ed00',
          created_at: '2026-11-02T10:00:00Z',
        },
        { id: 1502920002, sha: previous, created_at: '2026-11-01T16:00:00Z' },
      ],
    },
    [`${base}/deployments/1502930001/statuses`]: {
      body: [{ state: 'failure' }, { state: 'in_progress' }],
    },
    // Superseded: GitHub added `inactive` after its `success`.
    [`${base}/deployments/1502920002/statuses`]: {
      body: [{ state: 'inactive' }, { state: 'success' }],
    },
  };

  it('compares with the previous successful deployment to the same environment', async () => {
    const { lookups, calls } = setup({
      ...deployments,
      [`${base}/compare/${previous}...${head}`]: {
        body: fixture('api.compare'),
      },
    });
    expect(await lookups.deployedShas(repo, deploymentTarget)).toEqual([
      '8e7d6c5b4a3928170615f4e3d2c1b0a998877665',
      head,
    ]);
    expect(calls.map(c => new URL(c.url).pathname)).toEqual([
      `${base}/deployments`,
      `${base}/deployments/1502930001/statuses`,
      `${base}/deployments/1502920002/statuses`,
      `${base}/compare/${previous}...${head}`,
    ]);
  });

  it('answers [] when no earlier deployment succeeded', async () => {
    const { lookups, calls } = setup({
      [`${base}/deployments`]: {
        body: [
          { id: 1502938475, sha: head, created_at: '2026-11-02T14:10:02Z' },
        ],
      },
    });
    expect(await lookups.deployedShas(repo, deploymentTarget)).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('answers [] for a redeploy of the same sha', async () => {
    const { lookups } = setup({
      [`${base}/deployments`]: {
        body: [{ id: 1, sha: head, created_at: '2026-11-01T00:00:00Z' }],
      },
      [`${base}/deployments/1/statuses`]: { body: [{ state: 'success' }] },
    });
    expect(await lookups.deployedShas(repo, deploymentTarget)).toEqual([]);
  });

  it('answers [] and logs a warning when the comparison fails', async () => {
    const { lookups, logger } = setup(deployments);
    expect(await lookups.deployedShas(repo, deploymentTarget)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/deployed by acme\/payments-api .*404/),
    );
  });
});

describe('deployedShas of a workflow run', () => {
  it('compares with the previous successful run of the same workflow and branch', async () => {
    const { lookups, calls } = setup({
      [`${base}/actions/workflows/61234567/runs?branch=main&status=success&per_page=10`]:
        {
          body: {
            total_count: 2,
            workflow_runs: [
              {
                id: 11987654321,
                head_sha: head,
                created_at: '2026-11-02T14:03:20Z',
              },
              {
                id: 11980000000,
                head_sha: previous,
                created_at: '2026-11-01T15:00:00Z',
              },
            ],
          },
        },
      [`${base}/compare/${previous}...${head}`]: {
        body: fixture('api.compare'),
      },
    });
    const shas = await lookups.deployedShas(repo, {
      kind: 'workflow-run',
      workflowId: 61234567,
      runId: 11987654321,
      branch: 'main',
      sha: head,
      createdAt: '2026-11-02T14:03:20Z',
    });
    expect(shas).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });
});
