export { platformApiRef } from './PlatformApi';
export type { DoraQuery, PlatformApi } from './PlatformApi';
export { PlatformClient } from './PlatformClient';
export type { PlatformClientOptions } from './PlatformClient';
