import { Config } from '@backstage/config';
import { ResponseError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { z } from 'zod';
import { ChangeCommit, GithubRepository } from '../mapping/types';

const prCommits = z.array(
  z.looseObject({
    sha: z.string(),
    commit: z.looseObject({
      committer: z.looseObject({ date: z.string() }).nullish(),
    }),
  }),
);
const comparison = z.looseObject({
  commits: z.array(z.looseObject({ sha: z.string() })),
});
const deployments = z.array(
  z.looseObject({ id: z.number(), sha: z.string(), created_at: z.string() }),
);
const statuses = z.array(z.looseObject({ state: z.string() }));
const workflowRuns = z.looseObject({
  workflow_runs: z.array(
    z.looseObject({
      id: z.number(),
      head_sha: z.string(),
      created_at: z.string(),
    }),
  ),
});

/** An earlier deployment or run, newest first in every list. */
export interface EarlierDeployment {
  id: number;
  sha: string;
  createdAt: string;
}

/** GitHub lists at most 250 commits for a pull request. */
const MAX_PR_COMMIT_PAGES = 3;

/**
 * The few GitHub REST calls the source needs, with the credentials of the
 * `integrations.github` entry for the repository's host. `fetch` is injectable
 * so tests never touch the network.
 */
export class GithubApi {
  private readonly integrations: ScmIntegrationRegistry;
  private readonly credentials: GithubCredentialsProvider;
  private readonly fetch: typeof fetch;

  static fromConfig(config: Config, options: { fetch?: typeof fetch } = {}) {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubApi({
      integrations,
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      fetch: options.fetch,
    });
  }

  constructor(options: {
    integrations: ScmIntegrationRegistry;
    credentials: GithubCredentialsProvider;
    fetch?: typeof fetch;
  }) {
    this.integrations = options.integrations;
    this.credentials = options.credentials;
    // Resolved per call so a test can replace the global.
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async pullRequestCommits(
    repo: GithubRepository,
    prNumber: number,
  ): Promise<ChangeCommit[]> {
    const commits: ChangeCommit[] = [];
    for (let page = 1; page <= MAX_PR_COMMIT_PAGES; page++) {
      const items = prCommits.parse(
        await this.get(repo, `pulls/${prNumber}/commits`, {
          per_page: '100',
          page: String(page),
        }),
      );
      for (const item of items) {
        const committedAt = item.commit.committer?.date;
        if (committedAt) commits.push({ sha: item.sha, committedAt });
      }
      if (items.length < 100) break;
    }
    return commits;
  }

  /** Commits reachable from `head` but not from `base` (GitHub returns up to 250). */
  async compareShas(
    repo: GithubRepository,
    base: string,
    head: string,
  ): Promise<string[]> {
    const result = comparison.parse(
      await this.get(
        repo,
        `compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`,
      ),
    );
    return result.commits.map(c => c.sha);
  }

  async deployments(
    repo: GithubRepository,
    environment: string,
  ): Promise<EarlierDeployment[]> {
    const items = deployments.parse(
      await this.get(repo, 'deployments', { environment, per_page: '30' }),
    );
    return items.map(d => ({ id: d.id, sha: d.sha, createdAt: d.created_at }));
  }

  /** States of a deployment's statuses, newest first. */
  async deploymentStates(
    repo: GithubRepository,
    deploymentId: number,
  ): Promise<string[]> {
    const items = statuses.parse(
      await this.get(repo, `deployments/${deploymentId}/statuses`, {
        per_page: '100',
      }),
    );
    return items.map(s => s.state);
  }

  async successfulWorkflowRuns(
    repo: GithubRepository,
    workflowId: number,
    branch: string,
  ): Promise<EarlierDeployment[]> {
    const result = workflowRuns.parse(
      await this.get(repo, `actions/workflows/${workflowId}/runs`, {
        branch,
        status: 'success',
        per_page: '10',
      }),
    );
    return result.workflow_runs.map(r => ({
      id: r.id,
      sha: r.head_sha,
      createdAt: r.created_at,
    }));
  }

  private async get(
    repo: GithubRepository,
    path: string,
    query: Record<string, string> = {},
  ): Promise<unknown> {
    const integration = this.integrations.github.byUrl(repo.htmlUrl);
    const apiBaseUrl = integration?.config.apiBaseUrl;
    if (!apiBaseUrl) {
      throw new Error(
        `no integrations.github entry with an apiBaseUrl for ${repo.htmlUrl}`,
      );
    }
    const { headers } = await this.credentials.getCredentials({
      url: repo.htmlUrl,
    });
    const [owner, name] = repo.fullName.split('/');
    const qs = new URLSearchParams(query).toString();
    const url = `${apiBaseUrl}/repos/${encodeURIComponent(
      owner,
    )}/${encodeURIComponent(name)}/${path}${qs ? `?${qs}` : ''}`;
    const response = await this.fetch(url, {
      headers: {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        ...headers,
      },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
