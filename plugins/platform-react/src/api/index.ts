export { platformApiRef } from './PlatformApi';
export type { PlatformApi } from './PlatformApi';
export { PlatformClient } from './PlatformClient';
export type { PlatformClientOptions } from './PlatformClient';
export type {
  BodyOf,
  PathParamsOf,
  PlatformApiMethod,
  PlatformApiPath,
  PlatformGetArgs,
  PlatformGetPath,
  PlatformPostArgs,
  PlatformPostPath,
  QueryOf,
  ResponseOf,
} from './types';
export type { DoraQuery } from './DoraQuery';
