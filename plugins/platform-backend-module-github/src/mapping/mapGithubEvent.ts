import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { mapDeploymentStatus } from './deploymentStatus';
import { mapPullRequest } from './pullRequest';
import { GithubMappingOptions } from './types';
import { mapWorkflowRun } from './workflowRun';

/**
 * Maps one GitHub webhook delivery, named by its `X-GitHub-Event` header, to
 * canonical events.
 *
 * Deliberately mapped to nothing:
 * - `push`: commit times arrive with the merged pull request's commits, and a
 *   push is not a deployment, so it adds no fact the log needs;
 * - `deployment`: its outcome arrives with `deployment_status`;
 * - `ping` and every other event.
 *
 * @public
 */
export async function mapGithubEvent(
  eventName: string | undefined,
  payload: unknown,
  options: GithubMappingOptions,
): Promise<CanonicalEventInput[]> {
  switch (eventName) {
    case 'pull_request':
      return mapPullRequest(payload, options);
    case 'deployment_status':
      return mapDeploymentStatus(payload, options);
    case 'workflow_run':
      return mapWorkflowRun(payload, options);
    default:
      return [];
  }
}
