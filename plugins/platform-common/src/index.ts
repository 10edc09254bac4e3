/**
 * Canonical engineering events, permissions, annotations and API types shared by
 * the Golden Path plugins.
 *
 * @packageDocumentation
 */
export * from './events';
export * from './annotations';
export * from './permissions';
export * from './api';
export * from './dora';
export * from './entityRefs';
export * from './time';
export * from './stats';
export * from './cost';
export * from './canary';
