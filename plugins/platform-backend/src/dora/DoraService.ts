import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DoraChangesResponse,
  DoraComputation,
  DoraDeploymentsResponse,
  DoraGroupResponse,
  DoraIncidentsResponse,
  DoraMetricsResponse,
  DoraOptions,
  DAY_MS,
  IsoWindow,
  computeDora,
  previousWindow,
  resolveWindow,
} from '@goldenpath/plugin-platform-common';
import { EntityScope, resolveEntityScope } from '../catalog/resolveEntityScope';
import { DoraStore } from './DoraStore';

/** Config defaults for whatever a request leaves out. */
export interface DoraDefaults {
  environment: string;
  leadTimeStart: DoraOptions['leadTimeStart'];
  excludeWeekends: boolean;
  tierModel: DoraOptions['tierModel'];
  windowDays: number;
  /** History before the window read to decide which deployment shipped a commit first. */
  shipmentLookbackDays: number;
}

export type DoraRequest = { entityRef: string } & Partial<DoraOptions>;

/**
 * DORA numbers for a component, or a Group's owned components, from the
 * projection tables. Entities are looked up with the caller's credentials, so
 * the catalog's permissions decide what a user may see.
 */
export class DoraService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: DoraStore;
      catalog: CatalogService;
      defaults: DoraDefaults;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async getMetrics(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraMetricsResponse> {
    const scope = await this.scope(request.entityRef, credentials);
    const options = this.resolveOptions(request);
    const { current, previous } = await this.computeWithPrevious(
      scope.entityRefs,
      options,
    );
    return {
      entityRef: scope.entityRef,
      entityRefs: scope.entityRefs,
      options,
      ...current.summary,
      previous: previous.summary,
      weekly: current.weekly,
      prSizeVsMergeTime: current.prSizeVsMergeTime,
      inputs: current.inputs,
    };
  }

  async getDeployments(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraDeploymentsResponse> {
    return {
      items: (await this.computeCurrent(request, credentials)).deployments,
    };
  }

  async getChanges(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraChangesResponse> {
    return { items: (await this.computeCurrent(request, credentials)).changes };
  }

  async getIncidents(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraIncidentsResponse> {
    return {
      items: (await this.computeCurrent(request, credentials)).incidents,
    };
  }

  /** Deployment environments seen for the entity (any time), for the picker. */
  async getEnvironments(
    request: Pick<DoraRequest, 'entityRef'>,
    credentials: BackstageCredentials,
  ): Promise<{ environments: string[] }> {
    const scope = await this.scope(request.entityRef, credentials);
    return {
      environments: await this.options.store.listEnvironments(scope.entityRefs),
    };
  }

  async getGroup(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraGroupResponse> {
    const scope = await this.scope(request.entityRef, credentials);
    if (scope.kind !== 'group') {
      throw new InputError(`entityRef: ${scope.entityRef} is not a Group`);
    }
    const options = this.resolveOptions(request);
    const previousOptions = this.previousWindow(options);
    const rows = await this.loadRows(
      scope.entityRefs,
      previousOptions,
      options.to,
    );
    const summary = computeDora(rows, options).summary;
    const previous = computeDora(rows, previousOptions).summary;
    const components = scope.entityRefs.map(entityRef => ({
      entityRef,
      ...computeDora(
        {
          deployments: rows.deployments.filter(d => d.entityRef === entityRef),
          changes: rows.changes.filter(c => c.entityRef === entityRef),
          incidents: rows.incidents.filter(i => i.entityRef === entityRef),
        },
        options,
      ).summary,
    }));
    return {
      groupRef: scope.entityRef,
      options,
      summary,
      previous,
      components,
    };
  }

  resolveOptions(request: Partial<DoraOptions>): DoraOptions {
    const d = this.options.defaults;
    let window: IsoWindow;
    try {
      window = resolveWindow(request, {
        now: this.now(),
        defaultDays: d.windowDays,
        maxDays: 366,
      });
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    return {
      ...window,
      environment: (request.environment ?? d.environment).toLowerCase(),
      leadTimeStart: request.leadTimeStart ?? d.leadTimeStart,
      excludeWeekends: request.excludeWeekends ?? d.excludeWeekends,
      tierModel: request.tierModel ?? d.tierModel,
    };
  }

  private async computeCurrent(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraComputation> {
    const scope = await this.scope(request.entityRef, credentials);
    const options = this.resolveOptions(request);
    return computeDora(await this.loadRows(scope.entityRefs, options), options);
  }

  /** The same options for the window of equal length just before. */
  private previousWindow(options: DoraOptions): DoraOptions {
    return { ...options, ...previousWindow(options) };
  }

  private async computeWithPrevious(
    entityRefs: string[],
    options: DoraOptions,
  ) {
    const previousOptions = this.previousWindow(options);
    const rows = await this.loadRows(entityRefs, previousOptions, options.to);
    return {
      current: computeDora(rows, options),
      previous: computeDora(rows, previousOptions),
    };
  }

  /** Rows from `lookback` before `options.from` up to `to` (default options.to). */
  private async loadRows(
    entityRefs: string[],
    options: DoraOptions,
    to = options.to,
  ) {
    if (entityRefs.length === 0) {
      return { deployments: [], changes: [], incidents: [] };
    }
    const query = {
      entityRefs,
      from: new Date(
        Date.parse(options.from) -
          this.options.defaults.shipmentLookbackDays * DAY_MS,
      ).toISOString(),
      to,
    };
    const { store } = this.options;
    const [deployments, changes, incidents] = await Promise.all([
      store.listDeployments(query),
      store.listChanges(query),
      store.listIncidents(query),
    ]);
    return { deployments, changes, incidents };
  }

  private scope(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScope> {
    return resolveEntityScope(this.options.catalog, entityRef, credentials);
  }
}
