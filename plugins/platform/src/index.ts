/**
 * Provides the Golden Path platform API (`platformApiRef`) to the frontend.
 * Legacy frontend system: `platformApiFactory` / `platformPlugin` from here.
 * New Frontend System: the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export { platformApiFactory, platformPlugin } from './plugin';
