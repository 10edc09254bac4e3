import { createApiRef } from '@backstage/core-plugin-api';
import {
  DoraChangesResponse,
  DoraDeploymentsResponse,
  DoraGroupResponse,
  DoraIncidentsResponse,
  DoraMetricsResponse,
  DoraTierModel,
} from '@goldenpath/plugin-platform-common';

/**
 * What a DORA request covers. Only `entityRef` is required; the backend
 * defaults the rest (last 90 days, `production`, lead time from the commit,
 * weekends included, the 2024 tier model).
 *
 * @public
 */
export type DoraQuery = {
  /** A Component, or a Group (rolled up over the components it owns). */
  entityRef: string;
  /** Inclusive ISO-8601 timestamp. */
  from?: string;
  /** Exclusive ISO-8601 timestamp. */
  to?: string;
  environment?: string;
  leadTimeStart?: 'commit' | 'merge';
  excludeWeekends?: boolean;
  tierModel?: DoraTierModel;
};

/**
 * The Golden Path platform backend (`/api/platform`) as the frontend sees it.
 *
 * @public
 */
export interface PlatformApi {
  /** The four DORA metrics, the previous period, weekly trends and inputs. */
  getDoraMetrics(query: DoraQuery): Promise<DoraMetricsResponse>;
  /** Every deployment in the window (any status) and what it counts as. */
  getDoraDeployments(query: DoraQuery): Promise<DoraDeploymentsResponse>;
  /** Merged pull requests in the window with their lead times. */
  getDoraChanges(query: DoraQuery): Promise<DoraChangesResponse>;
  /** Incidents in the window with their recovery times. */
  getDoraIncidents(query: DoraQuery): Promise<DoraIncidentsResponse>;
  /** A Group's roll-up and per-component summaries with tiers. */
  getDoraGroup(query: DoraQuery): Promise<DoraGroupResponse>;
}

/**
 * The API ref of {@link PlatformApi}.
 *
 * @public
 */
export const platformApiRef = createApiRef<PlatformApi>({
  id: 'plugin.platform.api',
});
