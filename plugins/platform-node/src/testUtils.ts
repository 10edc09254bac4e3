/**
 * Test utilities for modules built on the Golden Path platform backend.
 *
 * @packageDocumentation
 */
export { InMemoryIntake } from './testUtils/InMemoryIntake';
