import {
  CanaryCapability,
  CanaryCheckMemory,
  CanaryHourlyRollup,
  CanaryWindowRollup,
  CanaryOutcome,
  CanaryRun,
  CanaryTransition,
  CanonicalEventOf,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';

/** One stored run: the model's fields plus what the drawer shows. */
export interface CanaryRunRow extends CanaryRun {
  errors: string[];
  logTail?: string[];
  trigger: 'schedule' | 'manual';
  intervalSeconds?: number;
  /** The cluster Resource the event linked to, if any. */
  entityRef: string | null;
  source: string;
  eventId: string;
  seq: number;
}

/** A run as the sparkline shows it. */
export interface CanaryRecentRun {
  startedAt: string;
  outcome: CanaryOutcome;
  durationMs: number;
}

/** One check in one cluster after its latest run. */
export interface CanaryCheckRow {
  cluster: string;
  check: string;
  /** The model's memory: pass it back as `resumeFrom`. */
  memory: CanaryCheckMemory;
  /** The runner's interval; undefined when its runs never said. */
  intervalMs?: number;
  /** The latest runs, oldest first (at most CANARY_RECENT_RUNS). */
  recent: CanaryRecentRun[];
}

/** What happened to a transition's notification. */
export type CanaryNotificationStatus =
  | 'pending'
  | 'sent'
  | 'muted'
  | 'skipped'
  | 'expired'
  | 'no-recipients';

export interface CanaryTransitionRow extends CanaryTransition {
  cluster: string;
  check: string;
  capability: CanaryRun['capability'];
  notification: CanaryNotificationStatus;
  notifiedAt?: string;
}

export type RolloutStatus = CanonicalEventOf<'rollout.updated'>['data'];

/** The latest `rollout.updated` of one rollout of an entity. */
export interface CanaryRolloutRow {
  entityRef: string;
  cluster: string;
  namespace: string;
  name: string;
  updatedAt: string;
  seq: number;
  status: RolloutStatus;
}

export interface CanaryCheckKeyRef {
  cluster: string;
  check: string;
}

/** The canary tables. SQL and row mapping only; the maths is platform-common's. */
export interface CanaryStore {
  /** Upserts runs by (cluster, check, startedAt); the latest write wins. */
  upsertRuns(rows: CanaryRunRow[], tx: Knex.Transaction): Promise<void>;
  /** Stored runs of one check with `from <= startedAt < to` (both optional), oldest first. */
  readRuns(
    key: CanaryCheckKeyRef,
    range: { from?: string; to?: string },
    tx?: Knex.Transaction,
  ): Promise<CanaryRunRow[]>;
  /** The latest `limit` runs of one check, oldest first. */
  readLatestRuns(
    key: CanaryCheckKeyRef,
    limit: number,
    tx?: Knex.Transaction,
  ): Promise<CanaryRecentRun[]>;
  /** The stored check rows of these keys. */
  readChecks(
    keys: CanaryCheckKeyRef[],
    tx: Knex.Transaction,
  ): Promise<CanaryCheckRow[]>;
  putCheck(row: CanaryCheckRow, tx: Knex.Transaction): Promise<void>;
  /** Upserts hourly rows by (cluster, check, hourStart). */
  putHours(rows: CanaryHourlyRollup[], tx: Knex.Transaction): Promise<void>;
  /** Hourly rows of one check with `from <= hourStart < to`, in time order. */
  readHours(
    key: CanaryCheckKeyRef,
    range: { from: string; to: string },
    tx: Knex.Transaction,
  ): Promise<CanaryHourlyRollup[]>;
  /** Upserts daily rows (`hourStart` = the UTC day's start) by (cluster, check, day). */
  putDays(rows: CanaryHourlyRollup[], tx: Knex.Transaction): Promise<void>;
  /**
   * Adds transitions; one already stored at the same (cluster, check, at)
   * keeps its notification status and takes the new fields.
   */
  putTransitions(
    rows: CanaryTransitionRow[],
    tx: Knex.Transaction,
  ): Promise<void>;
  /** Deletes the check's transitions at or after `from` except those at `keep`. */
  deleteTransitionsFrom(
    key: CanaryCheckKeyRef,
    from: string,
    keep: string[],
    tx: Knex.Transaction,
  ): Promise<void>;
  /** Stores a rollout's status unless a later one is stored. */
  putRollouts(rows: CanaryRolloutRow[], tx: Knex.Transaction): Promise<void>;

  /** Every check (of these clusters, if given); `recent` only with `withRecent`. */
  listChecks(options: {
    clusters?: string[];
    withRecent: boolean;
  }): Promise<CanaryCheckRow[]>;
  /** Every check whose stored state is down, without `recent`. */
  listDownChecks(): Promise<CanaryCheckRow[]>;
  /** How many clusters run each (check, capability). */
  countClustersByCheck(): Promise<
    Array<{ check: string; capability: CanaryCapability; clusters: number }>
  >;
  /** Hourly rows of these clusters with `from <= hourStart < to`, durations left bucketed. */
  listHours(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryWindowRollup[]>;
  /** Daily rows of these clusters whose day starts in `[from, to)` (`hourStart` = day start). */
  listDays(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryWindowRollup[]>;
  /** Runs of one check in `[from, to)`, newest first, at most `limit`. */
  listRuns(
    key: CanaryCheckKeyRef,
    range: { from?: string; to?: string },
    limit: number,
  ): Promise<CanaryRunRow[]>;
  /**
   * Transitions of these clusters that may bound a failing period
   * overlapping `[from, to)`: those with `streakStartedAt < to` and
   * `at >= from`, plus each check's latest one before `from`.
   */
  listTransitions(
    clusters: string[],
    from: string,
    to: string,
  ): Promise<CanaryTransitionRow[]>;
  listRollouts(
    scope: { entityRefs: string[] } | { cluster: string },
  ): Promise<CanaryRolloutRow[]>;
  /** (entityRef, cluster) pairs of the entities' rollouts. */
  rolloutClusters(
    entityRefs: string[],
  ): Promise<Array<{ entityRef: string; cluster: string }>>;

  /** Transitions waiting for their notification, oldest first. */
  listPendingTransitions(limit: number): Promise<CanaryTransitionRow[]>;
  markNotifications(
    updates: Array<
      CanaryCheckKeyRef & {
        at: string;
        notification: CanaryNotificationStatus;
        notifiedAt?: string;
      }
    >,
  ): Promise<void>;

  /**
   * Retention: runs started before `rawBefore` and checks whose latest run
   * is; hours, days, rollouts and transitions before `hourlyBefore` (each
   * check keeps its latest transition). Counts per table.
   */
  deleteBefore(cutoffs: {
    rawBefore: string;
    hourlyBefore: string;
  }): Promise<Record<string, number>>;
}
