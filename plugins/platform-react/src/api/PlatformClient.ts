import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { PlatformApi } from './PlatformApi';
import {
  PlatformGetArgs,
  PlatformGetPath,
  PlatformPostArgs,
  PlatformPostPath,
  ResponseOf,
} from './types';

/**
 * Options of {@link PlatformClient}.
 *
 * @public
 */
export interface PlatformClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestInput {
  query?: Record<string, QueryValue>;
  pathParams?: Record<string, string>;
  body?: unknown;
}

/**
 * {@link PlatformApi} over HTTP, through the Backstage discovery and fetch APIs
 * (so requests carry the user's Backstage token).
 *
 * @public
 */
export class PlatformClient implements PlatformApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: PlatformClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  get<P extends PlatformGetPath>(
    path: P,
    ...args: PlatformGetArgs<P>
  ): Promise<ResponseOf<P, 'get'>> {
    const [query, pathParams] = args as [
      RequestInput['query'],
      RequestInput['pathParams'],
    ];
    return this.request('GET', path, { query, pathParams });
  }

  post<P extends PlatformPostPath>(
    path: P,
    ...args: PlatformPostArgs<P>
  ): Promise<ResponseOf<P, 'post'>> {
    const [body, pathParams] = args as unknown as [
      unknown,
      RequestInput['pathParams'],
    ];
    return this.request('POST', path, { body, pathParams });
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    input: RequestInput,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform');
    const url = `${baseUrl}${fillPath(path, input.pathParams)}${toQueryString(
      input.query,
    )}`;
    const response =
      method === 'GET'
        ? await this.fetchApi.fetch(url)
        : await this.fetchApi.fetch(url, {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(input.body),
          });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `/webhooks/{sourceId}` with `{ sourceId: 'x' }` → `/webhooks/x`, encoded. */
function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) {
      throw new TypeError(`missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(params[name]);
  });
}

/**
 * `?a=1&b=true` from the parameters that are set, in the order given;
 * undefined, null and empty strings mean "not set" (the backend's default).
 */
function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
