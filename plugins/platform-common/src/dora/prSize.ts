import { median } from '../stats/quantile';
import { hoursBetween } from '../time/utc';
import type { DoraChangeRow, PrSizeBucket } from './types';

const BUCKETS: Array<Pick<PrSizeBucket, 'label' | 'minLines' | 'maxLines'>> = [
  // An empty diff (e.g. a mode change) is the smallest change there is.
  { label: '1–10', minLines: 0, maxLines: 10 },
  { label: '11–50', minLines: 11, maxLines: 50 },
  { label: '51–200', minLines: 51, maxLines: 200 },
  { label: '201–1000', minLines: 201, maxLines: 1000 },
  { label: '1000+', minLines: 1001, maxLines: null },
];

export function hoursToMerge(change: DoraChangeRow): number {
  return hoursBetween(Date.parse(change.openedAt), Date.parse(change.mergedAt));
}

/** How long changes of each size (additions + deletions) waited to merge. */
export function prSizeVsMergeTime(changes: DoraChangeRow[]): PrSizeBucket[] {
  return BUCKETS.map(bucket => {
    const inBucket = changes.filter(change => {
      const lines = change.additions + change.deletions;
      return (
        lines >= bucket.minLines &&
        (bucket.maxLines === null || lines <= bucket.maxLines)
      );
    });
    return {
      ...bucket,
      changes: inBucket.length,
      medianHoursToMerge: median(inBucket.map(hoursToMerge)),
    };
  });
}
