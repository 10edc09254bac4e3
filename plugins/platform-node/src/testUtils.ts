/**
 * Test utilities for modules built on the Golden Path platform backend.
 *
 * @packageDocumentation
 */
export { InMemoryIntake } from './testUtils/InMemoryIntake';
export { startPlatformTestBackend } from './testUtils/startPlatformTestBackend';
export type {
  PlatformTestBackend,
  PlatformTestTask,
} from './testUtils/startPlatformTestBackend';
