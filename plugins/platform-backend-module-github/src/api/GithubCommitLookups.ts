import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  ChangeCommit,
  DeploymentTarget,
  GithubLookups,
  GithubRepository,
} from '../mapping/types';
import { EarlierDeployment, GithubApi } from './GithubApi';

/** Bounds the status calls made to find the previous successful deployment. */
const MAX_EARLIER_DEPLOYMENTS = 10;

/**
 * Commit lookups through the GitHub API. A failure is logged and answered with
 * `[]` rather than a guess: the event is still stored (the intake keeps the
 * first version of an event, so failing the delivery would not get a better
 * one later). A change without commits still ships by its merge sha and counts
 * in merge-based lead time; a deployment without `changeShas` is resolved by
 * the platform from the changes merged since the previous deployment.
 */
export class GithubCommitLookups implements GithubLookups {
  constructor(
    private readonly options: { api: GithubApi; logger: LoggerService },
  ) {}

  async pullRequestCommits(
    repo: GithubRepository,
    prNumber: number,
  ): Promise<ChangeCommit[]> {
    try {
      return await this.options.api.pullRequestCommits(repo, prNumber);
    } catch (error) {
      this.options.logger.warn(
        `Could not read the commits of ${
          repo.fullName
        }#${prNumber} from GitHub; storing the change without commits: ${stringifyError(
          error,
        )}`,
      );
      return [];
    }
  }

  /**
   * The commits between the previous successful deployment to the same
   * environment (or of the same workflow) and this one.
   */
  async deployedShas(
    repo: GithubRepository,
    target: DeploymentTarget,
  ): Promise<string[]> {
    try {
      const previous = await this.previousSuccessfulSha(repo, target);
      if (!previous || previous === target.sha) return [];
      return await this.options.api.compareShas(repo, previous, target.sha);
    } catch (error) {
      this.options.logger.warn(
        `Could not read the commits deployed by ${repo.fullName} at ${
          target.sha
        } from GitHub; storing the deployment without them: ${stringifyError(
          error,
        )}`,
      );
      return [];
    }
  }

  private async previousSuccessfulSha(
    repo: GithubRepository,
    target: DeploymentTarget,
  ): Promise<string | undefined> {
    const { api } = this.options;
    if (target.kind === 'workflow-run') {
      const runs = await api.successfulWorkflowRuns(
        repo,
        target.workflowId,
        target.branch,
      );
      return earlier(runs, target.runId, target.createdAt)[0]?.sha;
    }
    const candidates = earlier(
      await api.deployments(repo, target.environment),
      target.deploymentId,
      target.createdAt,
    ).slice(0, MAX_EARLIER_DEPLOYMENTS);
    for (const candidate of candidates) {
      // Any success counts: GitHub marks a superseded deployment `inactive`
      // after its `success`, so the newest status alone would hide it.
      const states = await api.deploymentStates(repo, candidate.id);
      if (states.includes('success')) return candidate.sha;
    }
    return undefined;
  }
}

function earlier(
  items: EarlierDeployment[],
  currentId: number,
  currentCreatedAt: string,
): EarlierDeployment[] {
  const before = Date.parse(currentCreatedAt);
  return items.filter(
    item => item.id !== currentId && Date.parse(item.createdAt) < before,
  );
}
