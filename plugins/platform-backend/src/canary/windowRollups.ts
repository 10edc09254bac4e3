import { CanaryWindowRollup, DAY_MS } from '@goldenpath/plugin-platform-common';
import { CanaryStore } from './CanaryStore';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The roll-up rows that cover a window of whole hours: the UTC days that lie
 * wholly inside it from `canary_days`, the hours at its edges from
 * `canary_hours`. A day row is the merge of its hours, so
 * `canaryWindowStats` over these rows equals it over the hours alone, with
 * far fewer rows for 7 and 30 days.
 */
export async function windowRollups(
  store: Pick<CanaryStore, 'listHours' | 'listDays'>,
  clusters: string[],
  window: { from: string; to: string },
): Promise<CanaryWindowRollup[]> {
  if (clusters.length === 0) return [];
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const firstDay = Math.ceil(fromMs / DAY_MS) * DAY_MS;
  const lastDayEnd = Math.floor(toMs / DAY_MS) * DAY_MS;
  if (firstDay >= lastDayEnd) {
    return store.listHours(clusters, window.from, window.to);
  }
  const [before, days, after] = await Promise.all([
    firstDay > fromMs
      ? store.listHours(clusters, window.from, iso(firstDay))
      : Promise.resolve([]),
    store.listDays(clusters, iso(firstDay), iso(lastDayEnd)),
    lastDayEnd < toMs
      ? store.listHours(clusters, iso(lastDayEnd), window.to)
      : Promise.resolve([]),
  ]);
  return [...before, ...days, ...after];
}
