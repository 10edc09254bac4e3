/**
 * The Golden Path shared backend plugin (pluginId `platform`).
 *
 * @packageDocumentation
 */
export { platformPlugin as default } from './plugin';
