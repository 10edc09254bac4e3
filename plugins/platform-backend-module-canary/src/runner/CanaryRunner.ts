import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  PlatformEventIntake,
  PlatformEventProducer,
} from '@goldenpath/plugin-platform-node';
import { runCheck } from './runCheck';
import {
  CanaryRunEvent,
  CanaryTrigger,
  toCanaryRunEvent,
} from './toCanaryRunEvent';
import { CanaryCheck, CanaryCluster, CheckResult } from './types';

/** Room the scheduler's own timeout leaves around the check's. */
const TASK_TIMEOUT_MARGIN_MS = 30_000;

/** The scheduler task of one check. @public */
export function canaryCheckTaskId(cluster: string, check: string): string {
  return `platform-canary-check:${cluster}:${check}`;
}

/** What a run produced: the verdict and the event sent for it. @public */
export interface CanaryRunReport {
  result: CheckResult;
  event: CanaryRunEvent;
  /** What the intake did with it (`accepted`, `duplicate`, ...). */
  status: string;
}

/**
 * The built-in runner: one global scheduler task per configured check (one
 * backend replica runs it each interval), each run sent as a `canary.run`
 * event through the intake. `runNow` runs a check at once ("Run now").
 *
 * @public
 */
export class CanaryRunner implements PlatformEventProducer {
  readonly id = 'canary-runner';
  private intake?: PlatformEventIntake;
  private readonly clusters: CanaryCluster[];
  private readonly scheduler: SchedulerService;
  private readonly logger: LoggerService;
  private readonly now: () => number;

  constructor(options: {
    clusters: CanaryCluster[];
    scheduler: SchedulerService;
    logger: LoggerService;
    now?: () => number;
  }) {
    this.clusters = options.clusters;
    this.scheduler = options.scheduler;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
  }

  /** Every configured check, by cluster. */
  listChecks(): ReadonlyArray<{ cluster: string; check: CanaryCheck }> {
    return this.clusters.flatMap(c =>
      c.checks.map(check => ({ cluster: c.name, check })),
    );
  }

  async connect(intake: PlatformEventIntake): Promise<void> {
    this.intake = intake;
    for (const { cluster, check } of this.listChecks()) {
      await this.scheduler.scheduleTask({
        id: canaryCheckTaskId(cluster, check.name),
        frequency: { milliseconds: check.intervalMs },
        timeout: { milliseconds: check.timeoutMs + TASK_TIMEOUT_MARGIN_MS },
        scope: 'global',
        fn: async signal => {
          await this.run(cluster, check, 'schedule', signal);
        },
      });
    }
  }

  /**
   * Runs one check now and sends its event with `trigger: 'manual'`.
   * Returns undefined when the cluster has no such check.
   */
  async runNow(
    cluster: string,
    check: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<CanaryRunReport | undefined> {
    const found = this.listChecks().find(
      c => c.cluster === cluster && c.check.name === check,
    );
    if (!found) return undefined;
    return this.run(cluster, found.check, 'manual', options.signal);
  }

  private async run(
    cluster: string,
    check: CanaryCheck,
    trigger: CanaryTrigger,
    signal?: AbortSignal,
  ): Promise<CanaryRunReport> {
    const intake = this.intake;
    if (!intake) {
      throw new Error('the canary runner is not connected to the intake yet');
    }
    const startedAtMs = this.now();
    const result = await runCheck(check, { signal, now: this.now });
    const event = toCanaryRunEvent({
      cluster,
      check,
      result,
      startedAtMs,
      trigger,
    });
    if (signal?.aborted) {
      // cut short by the backend stopping: says nothing, so nothing is sent
      this.logger.info(
        `canary ${cluster}/${check.name} stopped before its verdict`,
      );
      return { result, event, status: 'not sent' };
    }
    if (result.outcome !== 'pass') {
      this.logger.info(
        `canary ${cluster}/${check.name}: ${
          result.outcome
        }: ${result.errors.join('; ')}`,
      );
    }
    const response = await intake.ingest([event]);
    const item = response.results[0];
    const status = item?.status ?? 'unknown';
    if (item && 'error' in item) {
      this.logger.warn(
        `The intake ${item.status} canary ${event.id}: ${item.error}`,
      );
    }
    return { result, event, status };
  }
}
