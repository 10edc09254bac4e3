/** A repository as the GitHub API is addressed: `org/repo` and its web URL (which names the host). */
export interface GithubRepository {
  fullName: string;
  htmlUrl: string;
}

/** @public */
export interface ChangeCommit {
  sha: string;
  committedAt: string;
}

/** What shipped, as the commit lookups need it to find the previous deployment. */
export type DeploymentTarget =
  | {
      kind: 'deployment';
      deploymentId: number;
      /** The GitHub environment name, as GitHub filters by it. */
      environment: string;
      sha: string;
      createdAt: string;
    }
  | {
      kind: 'workflow-run';
      workflowId: number;
      runId: number;
      branch: string;
      sha: string;
      createdAt: string;
    };

/**
 * Commit facts the webhook payloads do not carry. Implementations never reject:
 * they resolve to `[]` when the answer is unknown, so an event is never lost to
 * a lookup.
 *
 * @public
 */
export interface GithubLookups {
  pullRequestCommits(
    repository: GithubRepository,
    prNumber: number,
  ): Promise<ChangeCommit[]>;
  deployedShas(
    repository: GithubRepository,
    target: DeploymentTarget,
  ): Promise<string[]>;
}

/** @public */
export interface GithubMappingOptions {
  /** GitHub environment names that mean `production` (case-insensitive). */
  productionEnvironments: string[];
  /** Workflows whose successful default-branch runs are production deployments. */
  deploymentWorkflows: string[];
  /** Without lookups, changes carry no commits and deployments only declared shas. */
  lookups?: GithubLookups;
}

/** The canonical `source` of every event this module produces. */
export const GITHUB_SOURCE = 'github';

export function toRepository(repository: {
  full_name: string;
  html_url: string;
}): GithubRepository {
  return { fullName: repository.full_name, htmlUrl: repository.html_url };
}
