import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import {
  parsePayload,
  workflowRunAction,
  workflowRunPayload,
} from '../payloads';
import { firstUrl } from './fields';
import { GITHUB_SOURCE, GithubMappingOptions, toRepository } from './types';

/**
 * Conclusions of a run that tried to deploy. `skipped`, `neutral`,
 * `action_required`, `stale` and `startup_failure` never started a deployment.
 */
const OUTCOMES = new Map<string, 'success' | 'failure' | 'cancelled'>([
  ['success', 'success'],
  ['failure', 'failure'],
  ['timed_out', 'failure'],
  ['cancelled', 'cancelled'],
]);

/**
 * A completed run of a configured deployment workflow on the default branch
 * becomes a production `deployment.finished`. Each attempt is its own
 * deployment (`<org/repo>/runs/<run id>/<attempt>`): a re-run deploys again.
 *
 * @public
 */
export async function mapWorkflowRun(
  payload: unknown,
  options: GithubMappingOptions,
): Promise<CanonicalEventInput[]> {
  const head = parsePayload(workflowRunAction, payload, 'workflow_run');
  const workflowName = head.workflow?.name ?? head.workflow_run.name;
  const outcome = OUTCOMES.get(head.workflow_run.conclusion ?? '');
  if (
    head.action !== 'completed' ||
    !workflowName ||
    !options.deploymentWorkflows.includes(workflowName) ||
    head.workflow_run.head_branch !== head.repository.default_branch ||
    !outcome
  ) {
    return [];
  }

  const { repository, workflow_run: run } = parsePayload(
    workflowRunPayload,
    payload,
    'workflow_run',
  );
  const id = `${repository.full_name}/runs/${run.id}/${run.run_attempt}`;
  // A cancelled run shipped nothing, so there is nothing to look up.
  const changeShas =
    outcome !== 'cancelled' && options.lookups
      ? await options.lookups.deployedShas(toRepository(repository), {
          kind: 'workflow-run',
          workflowId: run.workflow_id,
          runId: run.id,
          branch: repository.default_branch,
          sha: run.head_sha,
          createdAt: run.created_at,
        })
      : [];
  const url = firstUrl(run.html_url);
  return [
    {
      id,
      source: GITHUB_SOURCE,
      type: 'deployment.finished',
      occurredAt: run.updated_at,
      subject: { kind: 'repository', name: repository.full_name },
      data: {
        deploymentId: id,
        environment: 'production',
        sha: run.head_sha,
        status: outcome,
        startedAt: run.run_started_at,
        finishedAt: run.updated_at,
        changeShas,
        ...(url ? { url } : {}),
      },
    },
  ];
}
