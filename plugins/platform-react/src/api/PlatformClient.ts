import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DoraChangesResponse,
  DoraDeploymentsResponse,
  DoraGroupResponse,
  DoraIncidentsResponse,
  DoraMetricsResponse,
} from '@goldenpath/plugin-platform-common';
import { DoraQuery, PlatformApi } from './PlatformApi';

/**
 * Options of {@link PlatformClient}.
 *
 * @public
 */
export interface PlatformClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
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

  getDoraMetrics(query: DoraQuery): Promise<DoraMetricsResponse> {
    return this.request<DoraMetricsResponse>('/dora/metrics', query);
  }

  getDoraDeployments(query: DoraQuery): Promise<DoraDeploymentsResponse> {
    return this.request<DoraDeploymentsResponse>('/dora/deployments', query);
  }

  getDoraChanges(query: DoraQuery): Promise<DoraChangesResponse> {
    return this.request<DoraChangesResponse>('/dora/changes', query);
  }

  getDoraIncidents(query: DoraQuery): Promise<DoraIncidentsResponse> {
    return this.request<DoraIncidentsResponse>('/dora/incidents', query);
  }

  getDoraGroup(query: DoraQuery): Promise<DoraGroupResponse> {
    return this.request<DoraGroupResponse>('/dora/group', query);
  }

  private async request<T>(path: string, query: DoraQuery): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}?${toSearchParams(query)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** Only the parameters that are set, in a stable order. */
function toSearchParams(query: DoraQuery): URLSearchParams {
  const params = new URLSearchParams({ entityRef: query.entityRef });
  const optional: Array<[string, string | boolean | undefined]> = [
    ['from', query.from],
    ['to', query.to],
    ['environment', query.environment],
    ['leadTimeStart', query.leadTimeStart],
    ['excludeWeekends', query.excludeWeekends],
    ['tierModel', query.tierModel],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  return params;
}
