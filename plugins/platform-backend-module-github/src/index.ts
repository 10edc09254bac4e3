/**
 * GitHub webhooks and API as Golden Path canonical events (changes and deployments).
 *
 * @packageDocumentation
 */
export { platformModuleGithub as default } from './module';
export { mapGithubEvent } from './mapping/mapGithubEvent';
export { mapPullRequest } from './mapping/pullRequest';
export { mapDeploymentStatus } from './mapping/deploymentStatus';
export { mapWorkflowRun } from './mapping/workflowRun';
export type {
  ChangeCommit,
  DeploymentTarget,
  GithubLookups,
  GithubMappingOptions,
  GithubRepository,
} from './mapping/types';
