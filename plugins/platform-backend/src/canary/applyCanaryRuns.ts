import {
  CanaryCheckStatus,
  DAY_MS,
  evaluateCanaryCheck,
  inferCanaryIntervalMs,
  rollUpCanaryHours,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import {
  CANARY_RECENT_RUNS,
  checkId,
  dayOf,
  hourOf,
  hourRanges,
  mergeRollups,
  runChanged,
  toRecent,
} from './canaryRows';
import {
  CanaryCheckRow,
  CanaryRecentRun,
  CanaryRunRow,
  CanaryStore,
} from './CanaryStore';
import { CanarySettings } from './config';

type Options = Pick<CanarySettings, 'state' | 'maintenance'> & {
  store: CanaryStore;
  now: Date;
};

const latest = (a: string, b: string) => (a > b ? a : b);

/**
 * Applies a page's runs (rows already deduplicated by key) to the canary
 * tables in `tx`: stores the runs, moves each check's state machine on from
 * its stored memory, records its transitions, and rolls up the hours the
 * runs changed. A run at or before a check's latest run that changes what
 * is stored (a late or corrected run) replays that check from its stored
 * runs instead; one that is already stored as it is (a replay of the log)
 * changes nothing.
 */
export async function applyCanaryRuns(
  runs: CanaryRunRow[],
  tx: Knex.Transaction,
  options: Options,
): Promise<void> {
  const { store } = options;
  const byCheck = new Map<string, CanaryRunRow[]>();
  for (const run of runs) {
    const list = byCheck.get(checkId(run)) ?? [];
    list.push(run);
    byCheck.set(checkId(run), list);
  }
  const stored = new Map(
    (
      await store.readChecks(
        [...byCheck.values()].map(l => l[0]),
        tx,
      )
    ).map(row => [checkId(row), row]),
  );

  // decide before the upsert what each check needs, while the old rows are there
  const plans = [];
  for (const [id, list] of byCheck) {
    plans.push(await planCheck(list, stored.get(id), tx, store));
  }
  await store.upsertRuns(runs, tx);
  for (const plan of plans) {
    if (plan.changed.length > 0) await applyPlan(plan, tx, options);
  }
}

interface CheckPlan {
  runs: CanaryRunRow[];
  stored?: CanaryCheckRow;
  /** Runs the state machine has not seen as they are now. */
  changed: CanaryRunRow[];
  replay: boolean;
}

async function planCheck(
  runs: CanaryRunRow[],
  stored: CanaryCheckRow | undefined,
  tx: Knex.Transaction,
  store: CanaryStore,
): Promise<CheckPlan> {
  const lastRunAt = stored?.memory.lastRunAt;
  const older = lastRunAt ? runs.filter(r => r.startedAt <= lastRunAt) : [];
  const fresh = runs.filter(r => !lastRunAt || r.startedAt > lastRunAt);
  let changedOlder: CanaryRunRow[] = [];
  if (older.length > 0) {
    const starts = older.map(r => r.startedAt).sort();
    const existing = new Map(
      (
        await store.readRuns(
          runs[0],
          {
            from: starts[0],
            to: new Date(
              Date.parse(starts[starts.length - 1]) + 1,
            ).toISOString(),
          },
          tx,
        )
      ).map(r => [r.startedAt, r]),
    );
    changedOlder = older.filter(r => runChanged(existing.get(r.startedAt), r));
  }
  return {
    runs,
    stored,
    changed: [...changedOlder, ...fresh],
    replay: changedOlder.length > 0,
  };
}

async function applyPlan(
  plan: CheckPlan,
  tx: Knex.Transaction,
  options: Options,
): Promise<void> {
  const { store, state, maintenance } = options;
  const key = plan.runs[0];
  const maxStart = plan.runs.map(r => r.startedAt).reduce(latest);
  // evaluate at the latest run at least: the model ignores runs after `now`
  const now = latest(options.now.toISOString(), maxStart);
  const evaluate = { ...state, now, maintenance };

  let status: CanaryCheckStatus | undefined;
  let recent: CanaryRecentRun[];
  if (plan.replay || !plan.stored) {
    const all = await store.readRuns(key, {}, tx);
    status = evaluateCanaryCheck(all, evaluate);
    recent = all.slice(-CANARY_RECENT_RUNS).map(toRecent);
    if (plan.stored && all.length > 0) {
      await store.deleteTransitionsFrom(
        key,
        all[0].startedAt,
        status?.transitions.map(t => t.at) ?? [],
        tx,
      );
    }
  } else {
    status = evaluateCanaryCheck(plan.changed, {
      ...evaluate,
      resumeFrom: plan.stored.memory,
    });
    recent = [...plan.stored.recent, ...plan.changed.map(toRecent)]
      .sort((x, y) => (x.startedAt < y.startedAt ? -1 : 1))
      .slice(-CANARY_RECENT_RUNS);
  }
  if (!status) return;

  await store.putTransitions(
    status.transitions.map(t => ({
      ...t,
      cluster: key.cluster,
      check: key.check,
      capability: status!.capability,
      notification: 'pending',
    })),
    tx,
  );
  await store.putCheck(
    {
      cluster: key.cluster,
      check: key.check,
      memory: status.memory,
      intervalMs: intervalOf(plan, status.memory.lastRunAt, recent),
      recent,
    },
    tx,
  );
  await rollUpHours(
    key,
    plan.changed.map(r => hourOf(r.startedAt)),
    tx,
    options,
  );
}

/**
 * The interval staleness is measured with: the one the newest run states
 * (the runner's schedule), else the median gap of the latest runs, else the
 * one stored. Whole milliseconds, as stored: a median of an even number of
 * gaps can end in .5, which PostgreSQL's integer column refuses.
 */
function intervalOf(
  plan: CheckPlan,
  lastRunAt: string | undefined,
  recent: CanaryRecentRun[],
): number | undefined {
  const ms = unroundedIntervalOf(plan, lastRunAt, recent);
  return ms === undefined ? undefined : Math.round(ms);
}

function unroundedIntervalOf(
  plan: CheckPlan,
  lastRunAt: string | undefined,
  recent: CanaryRecentRun[],
): number | undefined {
  const newest = plan.runs.reduce((x, y) =>
    y.startedAt > x.startedAt ? y : x,
  );
  if (newest.startedAt !== lastRunAt) return plan.stored?.intervalMs;
  if (newest.intervalSeconds) return newest.intervalSeconds * 1000;
  return (
    inferCanaryIntervalMs(recent.map(r => ({ ...newest, ...r }))) ??
    plan.stored?.intervalMs
  );
}

/** Rolls the touched hours up again from the runs, then their days from the hours. */
async function rollUpHours(
  key: { cluster: string; check: string },
  hours: string[],
  tx: Knex.Transaction,
  { store, maintenance }: Options,
): Promise<void> {
  const touched = new Set(hours);
  for (const range of hourRanges(hours)) {
    const runs = await store.readRuns(key, range, tx);
    await store.putHours(
      rollUpCanaryHours(runs, { maintenance }).filter(h =>
        touched.has(h.hourStart),
      ),
      tx,
    );
  }
  for (const day of new Set(hours.map(dayOf))) {
    const to = new Date(Date.parse(day) + DAY_MS).toISOString();
    const rows = await store.readHours(key, { from: day, to }, tx);
    if (rows.length > 0) await store.putDays([mergeRollups(rows, day)], tx);
  }
}
