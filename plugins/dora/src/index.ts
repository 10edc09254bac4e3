/**
 * The DORA tab: deployment frequency, lead time for changes, change failure
 * rate and failed deployment recovery time for Components and Groups.
 *
 * The New Frontend System plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  doraPlugin,
  EntityDoraContent,
  EntityDoraGroupContent,
} from './plugin';
export type {
  EntityDoraContentProps,
  EntityDoraGroupContentProps,
} from './components';
export {
  DORA_ANNOTATION,
  isDoraAvailable,
  isDoraComponent,
  isDoraGroup,
} from './availability';
export {
  CHANGE_FAILURE_RATE_DEFINITION,
  DEPLOYMENT_DAYS_DEFINITION,
  DEPLOYMENT_FREQUENCY_DEFINITION,
  DEPLOYMENTS_PER_WEEK_DEFINITION,
  LEAD_TIME_DEFINITION,
  METRIC_DEFINITIONS,
  METRIC_TITLES,
  RECOVERY_TIME_DEFINITION,
  REWORK_RATE_DEFINITION,
} from './components/definitions';
