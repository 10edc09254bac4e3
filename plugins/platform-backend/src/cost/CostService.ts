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
  controllerKey,
  dailyTrend,
  idleRows,
  totalOf,
  totalsBy,
} from './summarizeDays';

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
    const rows = await store.listControllerDays(
      scope.rows,
      previous.fromDay,
      window.toDay,
    );
    const current = rows.filter(r => r.day >= window.fromDay);
    const before = rows.filter(r => r.day < window.fromDay);
    const clusters = scope.rows.clusters ?? unique(current.map(r => r.cluster));
    const [idleDays, firstHour] = await Promise.all([
      store.listClusterDays(clusters, idle.by, window.fromDay, window.toDay),
      store.firstHour(scope.rows),
    ]);

    const components =
      scope.scope === 'group' ? this.componentRows(scope, current) : [];
    return {
      entityRef: scope.entityRef,
      scope: scope.scope,
      entityRefs: scope.entityRefs,
      clusters,
      window: windowBody(window),
      currency: { ...settings.currency },
      options: this.optionsBody(),
      total: totalsBody(totalOf(current, idle), rate),
      previous: totalsBody(totalOf(before, idle), rate),
      days: dailyTrend(current, window, idle).map(d => dayBody(d, rate)),
      controllers: totalsBy(
        current,
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
              current,
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
      const rows = await store.listControllerDays(
        { entityRefs: unique(deployments.map(d => d.entityRef)) },
        day(Math.min(...days) - compareDays * DAY_MS),
        day(Math.max(...days) + (compareDays + 1) * DAY_MS),
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

  private componentRows(
    scope: CostScope,
    rows: Parameters<typeof totalOf>[0],
  ): CostSummaryResponse['components'] {
    const { idle, currency } = this.options.settings;
    const byEntity = new Map<string, typeof rows>();
    for (const ref of scope.entityRefs) byEntity.set(ref, []);
    for (const row of rows) {
      if (row.entityRef) byEntity.get(row.entityRef)?.push(row);
    }
    return [...byEntity.entries()]
      .map(([entityRef, own]) => ({ entityRef, totals: totalOf(own, idle) }))
      .sort(
        (x, y) =>
          y.totals.costWithIdle - x.totals.costWithIdle ||
          (x.entityRef < y.entityRef ? -1 : 1),
      )
      .map(c => ({ ...c, totals: totalsBody(c.totals, currency.rate) }));
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
