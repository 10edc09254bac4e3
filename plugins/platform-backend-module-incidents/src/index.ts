/**
 * Incident webhooks (generic and PagerDuty v3) as Golden Path canonical incident events.
 *
 * @packageDocumentation
 */
export { platformModuleIncidents as default } from './module';
export { mapIncidentPayload } from './generic/mapIncidentPayload';
export type { IncidentPayload } from './generic/mapIncidentPayload';
export { mapPagerDutyPayload } from './pagerduty/mapPagerDutyPayload';
export type { PagerDutyMappingOptions } from './pagerduty/mapPagerDutyPayload';
