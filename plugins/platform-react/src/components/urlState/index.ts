export { useUrlParams } from './useUrlParams';
export type { UrlParamChanges } from './useUrlParams';
export { useUrlParam } from './useUrlParam';
export type { UrlParamOptions } from './useUrlParam';
