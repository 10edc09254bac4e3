import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { deploymentStatusPayload, parsePayload } from '../payloads';
import { canonicalEnvironment, declaredChangeShas, firstUrl } from './fields';
import { GITHUB_SOURCE, GithubMappingOptions, toRepository } from './types';

/** Terminal states only; pending, queued, in_progress and inactive say nothing final. */
const OUTCOMES = new Map<string, 'success' | 'failure'>([
  ['success', 'success'],
  ['failure', 'failure'],
  ['error', 'failure'],
]);

/**
 * A terminal `deployment_status` becomes `deployment.finished`. The id is the
 * GitHub deployment (`<org/repo>/deployments/<id>`), not the status: the first
 * terminal status of a deployment is its outcome, and any later status for the
 * same deployment (or a redelivery) is a duplicate.
 *
 * @public
 */
export async function mapDeploymentStatus(
  payload: unknown,
  options: GithubMappingOptions,
): Promise<CanonicalEventInput[]> {
  const {
    repository,
    deployment,
    deployment_status: status,
  } = parsePayload(deploymentStatusPayload, payload, 'deployment_status');
  const outcome = OUTCOMES.get(status.state);
  if (!outcome) return [];

  const id = `${repository.full_name}/deployments/${deployment.id}`;
  const changeShas =
    declaredChangeShas(deployment.payload) ??
    (options.lookups
      ? await options.lookups.deployedShas(toRepository(repository), {
          kind: 'deployment',
          deploymentId: deployment.id,
          environment: deployment.environment,
          sha: deployment.sha,
          createdAt: deployment.created_at,
        })
      : []);
  const url = firstUrl(status.target_url, status.log_url);
  return [
    {
      id,
      source: GITHUB_SOURCE,
      type: 'deployment.finished',
      occurredAt: status.created_at,
      subject: { kind: 'repository', name: repository.full_name },
      data: {
        deploymentId: id,
        environment: canonicalEnvironment(
          deployment.environment,
          options.productionEnvironments,
        ),
        sha: deployment.sha,
        status: outcome,
        startedAt: deployment.created_at,
        finishedAt: status.created_at,
        changeShas,
        ...(url ? { url } : {}),
      },
    },
  ];
}
