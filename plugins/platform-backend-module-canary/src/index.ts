/**
 * Canary sources for the Golden Path platform backend: a built-in runner of
 * HTTP, DNS, TCP and TLS checks per cluster, Kuberhealthy check states and
 * Argo Rollouts status, sent as `canary.run` and `rollout.updated` events.
 *
 * @packageDocumentation
 */
export { platformModuleCanarySources as default } from './module';
export { runCheck } from './runner/runCheck';
export {
  CanaryRunner,
  canaryCheckTaskId,
  type CanaryRunReport,
} from './runner/CanaryRunner';
export {
  CANARY_RUNNER_SOURCE,
  type CanaryTrigger,
} from './runner/toCanaryRunEvent';
export type {
  CanaryCheck,
  CanaryCheckType,
  CanaryCluster,
  CanaryOutcome,
  CheckResult,
  DnsCheck,
  HttpCheck,
  TcpCheck,
  TlsCheck,
} from './runner/types';
export { readRunnerClusters } from './runner/config';
export { KUBERHEALTHY_TASK_ID } from './kuberhealthy/KuberhealthyPoller';
export { ROLLOUTS_TASK_ID } from './rollouts/RolloutsPoller';
