/**
 * The Golden Path platform backend's API client, plus the tiles, chips and
 * charts the Golden Path tabs share.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './components';
export * from './utils';
