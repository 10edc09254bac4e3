/**
 * Deterministic demo history for the Golden Path platform backend, sent
 * through its intake. For trial and example portals only, never production.
 *
 * @packageDocumentation
 */
export { platformModuleDemo as default } from './module';
