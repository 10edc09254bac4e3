import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CANARY_CAPABILITIES,
  CanaryWindowKey,
  canaryFailingPeriods,
  canaryImpact,
  canaryVerdict,
  canaryWindow,
  DAY_MS,
  platformCanaryRunPermission,
} from '@goldenpath/plugin-platform-common';
import { PlatformCanaryRunner } from '@goldenpath/plugin-platform-node';
import { EventStore } from '../eventLog/EventStore';
import {
  CanaryIncidentsResponse,
  CanaryRolloutBody,
  CanaryRolloutsResponse,
  CanaryRunNowResponse,
  CanaryRunsResponse,
  CanaryStatusResponse,
} from './apiTypes';
import { checkId } from './canaryRows';
import {
  CanaryScope,
  ClusterResolver,
  clusterResourceRefs,
  resolveCanaryScope,
} from './canaryScope';
import {
  CanaryRolloutRow,
  CanaryStore,
  CanaryTransitionRow,
} from './CanaryStore';
import { CanarySettings } from './config';
import { buildMatrix, statusesAt } from './statusMatrix';
import { windowRollups } from './windowRollups';

export interface CanaryStatusRequest {
  entityRef: string;
  window?: CanaryWindowKey;
}

export interface CanaryRunsRequest {
  entityRef: string;
  cluster: string;
  check: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface CanaryIncidentsRequest {
  entityRef: string;
  from?: string;
  to?: string;
}

const DEFAULT_RUNS_LIMIT = 200;
const DEFAULT_INCIDENT_DAYS = 30;
const MAX_INCIDENT_DAYS = 400;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * Canary reads for a Component, a Group's components or a cluster Resource,
 * and "Run now". Entities are looked up with the caller's credentials; states
 * come from the stored check rows (no replay), uptime and p95 from the
 * hourly roll-ups.
 */
export class CanaryService {
  private readonly now: () => Date;
  private readonly resolver: ClusterResolver;

  constructor(
    private readonly options: {
      store: CanaryStore;
      catalog: CatalogService;
      eventLog: Pick<EventStore, 'entityClusters'>;
      permissions: PermissionsService;
      runners: readonly PlatformCanaryRunner[];
      settings: CanarySettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
    this.resolver = {
      eventLog: options.eventLog,
      store: options.store,
      lookbackMs: options.settings.clusterLookbackMs,
      now: this.now,
    };
  }

  async getStatus(
    request: CanaryStatusRequest,
    credentials: BackstageCredentials,
  ): Promise<CanaryStatusResponse> {
    const { store, settings } = this.options;
    const scope = await this.scope(request.entityRef, credentials);
    if (scope.kind === 'group') {
      throw new InputError(
        'entityRef: canary status is for a Component or a kubernetes-cluster Resource; a Group has no clusters of its own',
      );
    }
    const now = this.now().toISOString();
    const key = request.window ?? settings.defaultWindow;
    const window = canaryWindow(key, now);
    const target =
      scope.kind === 'cluster'
        ? { clusters: [scope.cluster], clusterSource: 'resource' as const }
        : scope.components[0];
    const clusters = sorted(target.clusters);
    const component = { entityRef: scope.entityRef, clusters };

    const [own, down, running, hours, clusterEntityRefs] = await Promise.all([
      clusters.length > 0
        ? store.listChecks({ clusters, withRecent: true })
        : Promise.resolve([]),
      store.listDownChecks(),
      store.countClustersByCheck(),
      windowRollups(store, clusters, window),
      clusterResourceRefs(this.options.catalog, credentials),
    ]);
    // platform-wide needs only what is down elsewhere: the fleet's other
    // checks are counted, not read (clustersRunning)
    const ownIds = new Set(own.map(checkId));
    const statuses = statusesAt(
      [...down.filter(r => !ownIds.has(checkId(r))), ...own],
      now,
      settings,
    );
    const ownStatuses = statuses.filter(s => ownIds.has(checkId(s)));
    const impact = canaryImpact(statuses, [component], {
      platformWideMinClusters: settings.platformWideMinClusters,
    });
    const runningCount = new Map(
      running.map(r => [`${r.check}\u0000${r.capability}`, r.clusters]),
    );
    const verdict = canaryVerdict(component, ownStatuses, {
      criticalCapabilities: settings.criticalCapabilities,
    });
    const covered = new Set(ownStatuses.map(s => s.cluster));

    return {
      entityRef: scope.entityRef,
      scope: scope.kind,
      generatedAt: now,
      window: { key, from: window.from, to: window.to },
      clusters,
      clusterSource: target.clusterSource,
      capabilities: [...CANARY_CAPABILITIES],
      verdict: {
        verdict: verdict.verdict,
        reasons: verdict.reasons,
        downCapabilities: verdict.downCapabilities,
        ...(verdict.latestRunAt ? { latestRunAt: verdict.latestRunAt } : {}),
        checks: verdict.checks,
      },
      matrix: buildMatrix({
        clusters,
        capabilities: CANARY_CAPABILITIES,
        statuses: ownStatuses,
        rows: own,
        hours,
        window,
        platformWideChecks: new Set(
          impact.platformWide.map(p => `${p.check}\u0000${p.capability}`),
        ),
        clusterEntityRefs,
      }),
      failing: impact.components[0].failing.map(f => ({
        cluster: f.cluster,
        check: f.check,
        capability: f.capability,
        ...(f.since ? { since: f.since } : {}),
        consecutiveFailures: f.consecutiveFailures,
        stale: f.stale,
        platformWide: f.platformWide,
      })),
      uncoveredClusters: clusters.filter(c => !covered.has(c)),
      platformWide: impact.platformWide.map(p => ({
        ...p,
        clustersRunning:
          runningCount.get(`${p.check}\u0000${p.capability}`) ??
          p.clustersRunning,
      })),
      maintenance: settings.maintenance.filter(
        w => !w.clusters || w.clusters.some(c => clusters.includes(c)),
      ),
      thresholds: {
        downAfter: settings.state.failuresToDown,
        upAfter: settings.state.passesToUp,
        flapEnterPercent: settings.state.flapEnterPercent,
        flapExitPercent: settings.state.flapExitPercent,
        platformWideMinClusters: settings.platformWideMinClusters,
        criticalCapabilities: settings.criticalCapabilities,
      },
    };
  }

  async getRuns(
    request: CanaryRunsRequest,
    credentials: BackstageCredentials,
  ): Promise<CanaryRunsResponse> {
    const { store } = this.options;
    const scope = await this.scope(request.entityRef, credentials);
    const { cluster, check } = request;
    if (!clustersOf(scope).includes(cluster)) {
      throw new NotFoundError(
        `${cluster} is not a cluster ${scope.entityRef} runs in`,
      );
    }
    const row = (
      await store.listChecks({ clusters: [cluster], withRecent: false })
    ).find(r => r.check === check);
    if (!row) {
      throw new NotFoundError(`no canary check ${check} in cluster ${cluster}`);
    }
    const limit = request.limit ?? DEFAULT_RUNS_LIMIT;
    const runs = await store.listRuns(
      { cluster, check },
      { from: request.from, to: request.to },
      limit + 1,
    );
    return {
      entityRef: scope.entityRef,
      cluster,
      check,
      capability: row.memory.capability,
      runs: runs.slice(0, limit).map(r => ({
        startedAt: r.startedAt,
        capability: r.capability,
        outcome: r.outcome,
        durationMs: r.durationMs,
        errors: r.errors,
        ...(r.logTail ? { logTail: r.logTail } : {}),
        trigger: r.trigger,
        source: r.source,
      })),
      more: runs.length > limit,
    };
  }

  async getRollouts(
    request: { entityRef: string },
    credentials: BackstageCredentials,
  ): Promise<CanaryRolloutsResponse> {
    const scope = await this.scope(request.entityRef, credentials);
    const rows = await this.options.store.listRollouts(
      scope.kind === 'cluster'
        ? { cluster: scope.cluster }
        : { entityRefs: scope.components.map(c => c.entityRef) },
    );
    return { entityRef: scope.entityRef, rollouts: rows.map(rolloutBody) };
  }

  async getIncidents(
    request: CanaryIncidentsRequest,
    credentials: BackstageCredentials,
  ): Promise<CanaryIncidentsResponse> {
    const window = this.incidentWindow(request);
    const scope = await this.scope(request.entityRef, credentials);
    const clusters = clustersOf(scope);
    const transitions =
      clusters.length > 0
        ? await this.options.store.listTransitions(
            clusters,
            window.from,
            window.to,
          )
        : [];
    const byCheck = new Map<string, CanaryTransitionRow[]>();
    for (const t of transitions) {
      const list = byCheck.get(checkId(t)) ?? [];
      list.push(t);
      byCheck.set(checkId(t), list);
    }
    const checks: CanaryIncidentsResponse['checks'] = [];
    const periods: CanaryIncidentsResponse['periods'] = [];
    for (const list of byCheck.values()) {
      const { cluster, check, capability } = list[list.length - 1];
      const overlapping = canaryFailingPeriods(list).filter(
        p => p.from < window.to && (p.to === undefined || p.to > window.from),
      );
      if (overlapping.length === 0) continue;
      checks.push({
        cluster,
        check,
        capability,
        transitions: list.map(t => ({
          at: t.at,
          from: t.from,
          to: t.to,
          streakStartedAt: t.streakStartedAt,
          flapping: t.flapping,
        })),
      });
      for (const p of overlapping) {
        periods.push({
          cluster,
          check,
          capability,
          from: p.from,
          ...(p.to ? { to: p.to } : {}),
        });
      }
    }
    periods.sort(
      (x, y) =>
        cmp(x.cluster, y.cluster) ||
        cmp(x.check, y.check) ||
        cmp(x.from, y.from),
    );
    return {
      entityRef: scope.entityRef,
      window,
      components: scope.kind === 'cluster' ? [] : scope.components,
      checks,
      periods,
    };
  }

  /**
   * Asks the runner that lists the check to run it now; the run reaches
   * the log through the intake like any other.
   */
  async runNow(
    request: { cluster: string; check: string },
    credentials: BackstageCredentials,
  ): Promise<CanaryRunNowResponse> {
    const { permissions, runners, logger } = this.options;
    const [decision] = await permissions.authorize(
      [{ permission: platformCanaryRunPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `not allowed: ${platformCanaryRunPermission.name}`,
      );
    }
    if (runners.length === 0) {
      throw new NotImplementedError(
        'no canary runner is installed: add @goldenpath/plugin-platform-backend-module-canary to the backend',
      );
    }
    for (const runner of runners) {
      const definition = (await runner.listChecks()).find(
        c => c.cluster === request.cluster && c.check === request.check,
      );
      if (!definition) continue;
      runner
        .runNow(request.cluster, request.check)
        .catch(error =>
          logger.warn(
            `canary: run now of ${request.check} in ${request.cluster} failed: ${error}`,
          ),
        );
      return {
        cluster: request.cluster,
        check: request.check,
        capability: definition.capability,
        status: 'accepted',
      };
    }
    throw new NotFoundError(
      `no installed canary runner runs ${request.check} in cluster ${request.cluster}`,
    );
  }

  private incidentWindow(request: CanaryIncidentsRequest) {
    const toMs = request.to ? Date.parse(request.to) : this.now().getTime();
    const fromMs = request.from
      ? Date.parse(request.from)
      : toMs - DEFAULT_INCIDENT_DAYS * DAY_MS;
    if (!(fromMs < toMs)) throw new InputError('from: must be before to');
    if (toMs - fromMs > MAX_INCIDENT_DAYS * DAY_MS) {
      throw new InputError(
        `from: the window may span at most ${MAX_INCIDENT_DAYS} days`,
      );
    }
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
    };
  }

  private scope(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<CanaryScope> {
    return resolveCanaryScope(
      this.options.catalog,
      this.resolver,
      entityRef,
      credentials,
    );
  }
}

function clustersOf(scope: CanaryScope): string[] {
  return scope.kind === 'cluster'
    ? [scope.cluster]
    : sorted(scope.components.flatMap(c => c.clusters));
}

function rolloutBody(row: CanaryRolloutRow): CanaryRolloutBody {
  return {
    ...row.status,
    entityRef: row.entityRef,
    cluster: row.cluster,
    namespace: row.namespace,
    name: row.name,
    updatedAt: row.updatedAt,
  };
}

function cmp(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
