import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DAY_MS, rightSize } from '@goldenpath/plugin-platform-common';
import { billSamples } from './allocateSamples';
import {
  CostDeploymentsResponse,
  CostOptionsBody,
  CostPodsResponse,
  CostRecommendationsResponse,
  CostSummaryResponse,
  CostWindowBody,
} from './apiTypes';
import { CostSettings } from './config';
import { rawSince } from './costProjection';
import { CostScope, resolveCostScope } from './costScope';
import { ControllerKey, CostStore } from './CostStore';
import {
  CostWindow,
  clampWindow,
  previousCostWindow,
  resolveCostWindow,
} from './costWindow';
import { dayBody, idleBody, recommendationBody, totalsBody } from './currency';
import { compareDeployments } from './compareDeployments';
import { podRows } from './podRows';
import {
  Summed,
  controllerKey,
  dailyTrend,
  idleRows,
  totalOf,
  totalsBy,
} from './summarizeDays';
import { emptySums } from './sums';

export interface CostWindowRequest {
  entityRef: string;
  from?: string;
  to?: string;
}

export type CostPodsRequest = CostWindowRequest & ControllerKey;

const unique = (values: string[]) => [...new Set(values)].sort();

/**
 * Cost numbers for a component, a Group's components or a cluster Resource.
 * The summary and deployments read the daily roll-ups; pods and
 * recommendations the raw rows (clamped to raw retention). Entities are
 * looked up with the caller's credentials.
 */
export class CostService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: CostStore;
      catalog: CatalogService;
      settings: CostSettings;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async getSummary(
    request: CostWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<CostSummaryResponse> {
    const { store, settings } = this.options;
    const { idle } = settings;
    const rate = settings.currency.rate;
    const scope = await this.scope(request.entityRef, credentials);
    const window = this.window(request);
    const previous = previousCostWindow(window);
    const [controllerSums, daySums, previousSums, firstHour] =
      await Promise.all([
        store.sumControllerDays(
          scope.rows,
          window.fromDay,
          window.toDay,
          'controller',
        ),
        store.sumControllerDays(
          scope.rows,
          window.fromDay,
          window.toDay,
          'day',
        ),
        store.sumControllerDays(
          scope.rows,
          previous.fromDay,
          previous.toDay,
          'total',
        ),
        store.firstHour(scope.rows),
      ]);
    const clusters =
      scope.rows.clusters ?? unique(controllerSums.map(r => r.cluster));
    const idleDays = await store.listClusterDays(
      clusters,
      idle.by,
      window.fromDay,
      window.toDay,
    );
    const components =
      scope.scope === 'group' ? this.componentRows(scope, controllerSums) : [];
    return {
      entityRef: scope.entityRef,
      scope: scope.scope,
      entityRefs: scope.entityRefs,
      clusters,
      window: windowBody(window),
      currency: { ...settings.currency },
      options: this.optionsBody(),
      total: totalsBody(totalOf(controllerSums, idle), rate),
      previous: totalsBody(totalOf(previousSums, idle), rate),
      days: dailyTrend(daySums, window, idle).map(d => dayBody(d, rate)),
      controllers: totalsBy(
        controllerSums,
        controllerKey,
        r => ({
          ...(r.entityRef ? { entityRef: r.entityRef } : {}),
          cluster: r.cluster,
          namespace: r.namespace,
          controllerKind: r.controllerKind,
          controller: r.controller,
        }),
        idle,
      ).map(c => ({ ...c, totals: totalsBody(c.totals, rate) })),
      components,
      namespaces:
        scope.scope === 'cluster'
          ? totalsBy(
              controllerSums,
              r => `${r.cluster}\u0000${r.namespace}`,
              r => ({ cluster: r.cluster, namespace: r.namespace }),
              idle,
            ).map(n => ({ ...n, totals: totalsBody(n.totals, rate) }))
          : [],
      idle: idleRows(idleDays).map(i => idleBody(i, rate)),
      ...(firstHour ? { dataSince: firstHour } : {}),
    };
  }

  async getPods(
    request: CostPodsRequest,
    credentials: BackstageCredentials,
  ): Promise<CostPodsResponse> {
    const { store, settings } = this.options;
    const scope = await this.scope(request.entityRef, credentials);
    const key: ControllerKey = {
      cluster: request.cluster,
      namespace: request.namespace,
      controllerKind: request.controllerKind,
      controller: request.controller,
    };
    const since = this.rawSince();
    const window = clampWindow(this.window(request), since);
    if (!(await store.hasController(scope.rows, key))) {
      throw new NotFoundError(
        `${scope.entityRef} has no ${key.controllerKind} ${key.namespace}/${key.controller} in cluster ${key.cluster}`,
      );
    }
    const samples =
      window.hours > 0
        ? await store.listControllerSamples(key, window.from, window.to)
        : [];
    const nodes = unique(samples.map(s => s.node));
    const [nodeHours, idleHours] =
      samples.length > 0
        ? await Promise.all([
            store.listNodeHours([key.cluster], window.from, window.to, nodes),
            store.listClusterHours(
              [key.cluster],
              window.from,
              window.to,
              nodes,
            ),
          ])
        : [[], []];
    const { billed } = billSamples(samples, nodeHours, settings.priceOverride, {
      compute: false,
      stored: idleHours,
    });
    return {
      window: windowBody(window),
      rawSince: since,
      currency: { ...settings.currency },
      pods: podRows(billed, settings.idle, settings.currency.rate),
    };
  }

  async getRecommendations(
    request: CostWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<CostRecommendationsResponse> {
    const { store, settings } = this.options;
    const rate = settings.currency.rate;
    const scope = await this.scope(request.entityRef, credentials);
    const since = this.rawSince();
    const window = clampWindow(this.window(request), since);
    const samples =
      window.hours > 0
        ? await store.listSamples(scope.rows, window.from, window.to)
        : [];
    const nodeHours =
      samples.length > 0
        ? await store.listNodeHours(
            unique(samples.map(s => s.cluster)),
            window.from,
            window.to,
            unique(samples.map(s => s.node)),
          )
        : [];
    const { billed, prices } = billSamples(
      samples,
      nodeHours,
      settings.priceOverride,
      { compute: false, stored: [] },
    );
    const sizing = rightSize(
      billed.map(b => b.allocation),
      prices,
      settings.rightSizing,
      window.hours,
    );
    return {
      window: windowBody(window),
      rawSince: since,
      currency: { ...settings.currency },
      options: this.optionsBody(),
      savings: sizing.savings.map(r => recommendationBody(r, rate)),
      risks: sizing.risks.map(r => recommendationBody(r, rate)),
      totalSavings: sizing.totalSavings * rate,
      totalMonthlySavings: sizing.totalMonthlySavings * rate,
      totalRiskCost: sizing.totalRiskCost * rate,
      totalMonthlyRiskCost: sizing.totalMonthlyRiskCost * rate,
    };
  }

  async getDeployments(
    request: CostWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<CostDeploymentsResponse> {
    const { store, settings } = this.options;
    const { compareDays, raiseThreshold, environment } = settings.deployments;
    const scope = await this.scope(request.entityRef, credentials);
    const window = this.window(request);
    const deployments = (
      await store.listDeployments(scope.entityRefs, window.from, window.to)
    ).filter(d => d.status === 'success' && d.environment === environment);
    let items: CostDeploymentsResponse['items'] = [];
    if (deployments.length > 0) {
      const days = deployments.map(d => Date.parse(d.finishedAt.slice(0, 10)));
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const rows = await store.sumControllerDays(
        { entityRefs: unique(deployments.map(d => d.entityRef)) },
        day(Math.min(...days) - compareDays * DAY_MS),
        day(Math.max(...days) + (compareDays + 1) * DAY_MS),
        'entityDay',
      );
      items = compareDeployments(deployments, rows, {
        compareDays,
        raiseThreshold,
        idle: settings.idle,
        rate: settings.currency.rate,
      });
    }
    return {
      currency: { ...settings.currency },
      raiseThreshold,
      compareDays,
      items,
    };
  }

  /** A Group's components, each with its totals (zeros without data), costliest first. */
  private componentRows(
    scope: CostScope,
    controllerSums: Array<Summed & { entityRef: string | null }>,
  ): CostSummaryResponse['components'] {
    const { idle, currency } = this.options.settings;
    const zero = { ...emptySums(), containerHours: 0 };
    const rows = [
      ...scope.entityRefs.map(entityRef => ({ ...zero, entityRef })),
      ...controllerSums.filter(
        r => r.entityRef && scope.entityRefs.includes(r.entityRef),
      ),
    ];
    return totalsBy(
      rows,
      r => r.entityRef!,
      r => ({ entityRef: r.entityRef! }),
      idle,
    ).map(c => ({ ...c, totals: totalsBody(c.totals, currency.rate) }));
  }

  private optionsBody(): CostOptionsBody {
    const { idle, rightSizing, deployments } = this.options.settings;
    return {
      idleShared: idle.share,
      idleBy: idle.by,
      percentile: rightSizing.percentile,
      headroom: rightSizing.headroom,
      cpuFloorMillicores: rightSizing.cpuFloorMillicores,
      memoryFloorBytes: rightSizing.memoryFloorBytes,
      raiseThreshold: deployments.raiseThreshold,
      compareDays: deployments.compareDays,
    };
  }

  private window(request: { from?: string; to?: string }): CostWindow {
    return resolveCostWindow(
      request,
      this.now(),
      this.options.settings.windowDays,
    );
  }

  private rawSince(): string {
    return rawSince(this.now(), this.options.settings.retention.rawDays);
  }

  private scope(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<CostScope> {
    return resolveCostScope(this.options.catalog, entityRef, credentials);
  }
}

function windowBody(window: CostWindow): CostWindowBody {
  return { from: window.from, to: window.to, hours: window.hours };
}
