/**
 * Extension points for Golden Path platform backend modules.
 *
 * @packageDocumentation
 */
export * from './eventSources';
export * from './eventProducers';
export * from './canaryRunners';
export * from './webhookHelpers';
