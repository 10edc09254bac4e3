/**
 * The Canary tab: whether the platform under a service is healthy (every
 * cluster's synthetic checks, their history and who they affect) and where
 * the service's own Argo Rollouts canary stands.
 *
 * The New Frontend System plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export { canaryPlugin, EntityCanaryContent } from './plugin';
export {
  CANARY_ANNOTATIONS,
  isCanaryAvailable,
  isCanaryCluster,
  isCanaryComponent,
} from './availability';
export {
  flappingDefinition,
  P95_DEFINITION,
  platformWideDefinition,
  STALE_DEFINITION,
  stateDefinition,
  UPTIME_DEFINITION,
  verdictDefinition,
} from './components/definitions';
export type { CanaryThresholds } from './components/definitions';
