/**
 * Request and response types of every platform route, derived from
 * `PlatformApiPaths` (generated from the backend's openapi.yaml), so a new
 * route is typed in the client as soon as it is in the spec.
 */
import { PlatformApiPaths } from '@goldenpath/plugin-platform-common';

type Paths = PlatformApiPaths;

/** The HTTP methods the client speaks. @public */
export type PlatformApiMethod = 'get' | 'post';

/** Paths (as written in openapi.yaml) that have an operation for `M`. @public */
export type PlatformApiPath<M extends PlatformApiMethod> = {
  [P in keyof Paths]: Paths[P] extends Record<M, object> ? P : never;
}[keyof Paths];

/** @public */
export type PlatformGetPath = PlatformApiPath<'get'>;

/** @public */
export type PlatformPostPath = PlatformApiPath<'post'>;

type Operation<
  P extends keyof Paths,
  M extends PlatformApiMethod,
> = Paths[P][M];

type ParametersOf<
  P extends keyof Paths,
  M extends PlatformApiMethod,
> = Operation<P, M> extends { parameters: infer X } ? X : never;

/** `never` for parameters the operation does not have. */
type Present<T> = [T] extends [never]
  ? never
  : [T] extends [undefined]
  ? never
  : Exclude<T, undefined>;

/** Query parameters of `GET P` (`never` when it takes none). @public */
export type QueryOf<P extends PlatformGetPath> = Present<
  ParametersOf<P, 'get'> extends { query?: infer Q } ? Q : never
>;

/** Path parameters of `M P`, e.g. `{ sourceId }` (`never` when none). @public */
export type PathParamsOf<
  P extends keyof Paths,
  M extends PlatformApiMethod,
> = Present<ParametersOf<P, M> extends { path?: infer X } ? X : never>;

/** JSON body of `POST P`. @public */
export type BodyOf<P extends PlatformPostPath> = Operation<P, 'post'> extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type SuccessStatus = 200 | 201 | 202 | 207;

/** JSON body of a successful (2xx) response of `M P`. @public */
export type ResponseOf<
  P extends PlatformApiPath<M>,
  M extends PlatformApiMethod,
> = Operation<P, M> extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends {
        content: { 'application/json': infer B };
      }
        ? B
        : never;
    }[keyof R & SuccessStatus]
  : never;

type PathParamsArgs<P extends keyof Paths, M extends PlatformApiMethod> = [
  PathParamsOf<P, M>,
] extends [never]
  ? []
  : [pathParams: PathParamsOf<P, M>];

/**
 * Arguments after the path of `get`: the query (optional when every
 * parameter is), then the path parameters when the path has any.
 *
 * @public
 */
export type PlatformGetArgs<P extends PlatformGetPath> = [
  PathParamsOf<P, 'get'>,
] extends [never]
  ? [QueryOf<P>] extends [never]
    ? [query?: undefined]
    : {} extends QueryOf<P>
    ? [query?: QueryOf<P>]
    : [query: QueryOf<P>]
  : [query: QueryOf<P> | undefined, pathParams: PathParamsOf<P, 'get'>];

/** Arguments after the path of `post`: the body, then any path parameters. @public */
export type PlatformPostArgs<P extends PlatformPostPath> = [
  body: BodyOf<P>,
  ...pathParams: PathParamsArgs<P, 'post'>,
];
