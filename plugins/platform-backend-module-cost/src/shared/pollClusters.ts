import { LoggerService } from '@backstage/backend-plugin-api';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { PlatformEventIntake } from '@goldenpath/plugin-platform-node';
import { CostSourceCluster, CostSourceSettings } from '../config';
import { HourWindow, chunkWindow, isoSeconds, pollWindow } from './hours';
import {
  EMPTY_SUMMARY,
  SendSummary,
  addSummaries,
  sendEvents,
} from './sendEvents';

/** Hours read per request to a source, so one response stays small. */
export const CHUNK_HOURS = 6;

/** What a source read for some hours of one cluster. */
export interface ClusterHours {
  events: CanonicalEventInput[];
  /** Entries of the source's answer that gave no event, by reason. */
  skipped: Record<string, number>;
  /** Parts that failed while the rest was read (e.g. node prices). */
  errors?: string[];
}

/** Reads some whole hours of one cluster from a source. */
export type ReadClusterHours = (options: {
  cluster: CostSourceCluster;
  window: HourWindow;
  source: string;
  signal?: AbortSignal;
}) => Promise<ClusterHours>;

/** The outcome of one run for one cluster. */
export interface ClusterReport {
  cluster: string;
  source: string;
  window?: { from: string; to: string };
  summary: SendSummary;
  skipped: Record<string, number>;
  /**
   * What failed: a part of the answer that could not be read, or why the run
   * stopped for this cluster (chunks before it were sent).
   */
  errors: string[];
}

/** The event source of a cluster: the idempotency key is (source, id). */
export function clusterSource(sourceName: string, cluster: string): string {
  return `${sourceName}/${cluster}`;
}

function mergeCounts(
  a: Record<string, number>,
  b: Record<string, number>,
): Record<string, number> {
  const result = { ...a };
  for (const [key, n] of Object.entries(b))
    result[key] = (result[key] ?? 0) + n;
  return result;
}

/**
 * The latest hour stored for the cluster, to resume from. The intake finds it
 * by source prefix, so for "prod" while "prod-eu" is also configured the
 * answer could be prod-eu's: then the run reads the lookback hours only.
 */
async function latestStored(
  options: {
    cluster: CostSourceCluster;
    settings: CostSourceSettings;
    intake: PlatformEventIntake;
    nowMs: number;
  },
  source: string,
): Promise<string | null> {
  const { cluster, settings, intake, nowMs } = options;
  const ambiguous = settings.clusters.some(
    other => other.name !== cluster.name && other.name.startsWith(cluster.name),
  );
  if (ambiguous) return new Date(nowMs).toISOString();
  return intake.latestOccurredAt(source);
}

async function pollCluster(options: {
  sourceName: string;
  cluster: CostSourceCluster;
  settings: CostSourceSettings;
  intake: PlatformEventIntake;
  logger: LoggerService;
  read: ReadClusterHours;
  nowMs: number;
  signal?: AbortSignal;
}): Promise<ClusterReport> {
  const { sourceName, cluster, settings, intake, logger, read } = options;
  const source = clusterSource(sourceName, cluster.name);
  const report: ClusterReport = {
    cluster: cluster.name,
    source,
    summary: EMPTY_SUMMARY,
    skipped: {},
    errors: [],
  };
  try {
    const window = pollWindow({
      nowMs: options.nowMs,
      lookbackHours: settings.lookbackHours,
      maxCatchUpHours: settings.maxCatchUpHours,
      latestOccurredAt: await latestStored(options, source),
    });
    if (!window) return report;
    report.window = {
      from: isoSeconds(window.fromMs),
      to: isoSeconds(window.toMs),
    };
    for (const chunk of chunkWindow(window, CHUNK_HOURS)) {
      const hours = await read({
        cluster,
        window: chunk,
        source,
        signal: options.signal,
      });
      report.skipped = mergeCounts(report.skipped, hours.skipped);
      report.errors.push(...(hours.errors ?? []));
      const sent = await sendEvents({ intake, events: hours.events, logger });
      report.summary = addSummaries(report.summary, sent);
    }
  } catch (error) {
    report.errors.push((error as Error).message);
  }
  return report;
}

function describe(report: ClusterReport): string {
  const { summary: s, window } = report;
  const skipped = Object.entries(report.skipped)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  return `${report.source} ${
    window ? `${window.from} – ${window.to}` : '(no hour due)'
  }: ${s.sent} events sent (${s.accepted} new, ${s.duplicates} duplicates, ${
    s.conflicts
  } conflicts kept as first stored, ${s.rejected} rejected)${
    skipped ? `; skipped ${skipped}` : ''
  }`;
}

/**
 * One run of a poller: each cluster in turn, its due hours in chunks, each
 * chunk sent before the next is read. A cluster that fails (HTTP error,
 * timeout, malformed answer) is logged and reported; the others still run.
 */
export async function pollClusters(options: {
  sourceName: string;
  settings: CostSourceSettings;
  intake: PlatformEventIntake;
  logger: LoggerService;
  read: ReadClusterHours;
  now?: () => Date;
  signal?: AbortSignal;
}): Promise<ClusterReport[]> {
  const reports: ClusterReport[] = [];
  for (const cluster of options.settings.clusters) {
    if (options.signal?.aborted) {
      // the task timed out or the backend is stopping: the rest waits for the next run
      options.logger.warn(
        `${options.sourceName}: run stopped before cluster ${cluster.name} (task aborted)`,
      );
      break;
    }
    const report = await pollCluster({
      ...options,
      cluster,
      nowMs: (options.now?.() ?? new Date()).getTime(),
    });
    if (report.errors.length > 0) {
      options.logger.error(
        `${describe(report)}; failed: ${report.errors.join('; ')}`,
      );
    } else if (report.summary.rejected > 0) {
      options.logger.warn(describe(report));
    } else {
      options.logger.info(describe(report));
    }
    reports.push(report);
  }
  return reports;
}
