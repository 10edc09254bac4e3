import { computeDora } from './computeDora';
import { change, options, rows } from './testRows';

/** A change of `lines` (all additions) merged 10 Nov 12:00 after `hours` open. */
function sized(prNumber: number, lines: number, hours: number) {
  return change(prNumber, '2026-11-10T12:00:00Z', [], {
    additions: lines,
    deletions: 0,
    openedAt: new Date(
      Date.parse('2026-11-10T12:00:00Z') - hours * 3_600_000,
    ).toISOString(),
  });
}

describe('computeDora: PR size vs time to merge', () => {
  it('buckets the window changes by lines changed, with the median hours to merge', () => {
    const result = computeDora(
      rows({
        changes: [
          sized(1, 0, 2),
          sized(2, 10, 4),
          sized(3, 11, 1),
          sized(4, 50, 3),
          sized(5, 30, 8),
          sized(6, 1000, 10),
          change(7, '2026-11-10T12:00:00Z', [], {
            additions: 150,
            deletions: 51, // 201 lines
            openedAt: '2026-11-10T00:00:00Z', // 12 h
          }),
          sized(8, 1001, 20),
          // merged before the window: left out
          change(9, '2026-10-30T12:00:00Z', [], { additions: 5 }),
        ],
      }),
      options(),
    );

    expect(result.prSizeVsMergeTime).toEqual([
      // 0 lines → first bucket; [2, 4] → 3
      {
        label: '1–10',
        minLines: 0,
        maxLines: 10,
        changes: 2,
        medianHoursToMerge: 3,
      },
      // [1, 3, 8] → 3
      {
        label: '11–50',
        minLines: 11,
        maxLines: 50,
        changes: 3,
        medianHoursToMerge: 3,
      },
      {
        label: '51–200',
        minLines: 51,
        maxLines: 200,
        changes: 0,
        medianHoursToMerge: null,
      },
      // [10, 12] → 11
      {
        label: '201–1000',
        minLines: 201,
        maxLines: 1000,
        changes: 2,
        medianHoursToMerge: 11,
      },
      {
        label: '1000+',
        minLines: 1001,
        maxLines: null,
        changes: 1,
        medianHoursToMerge: 20,
      },
    ]);
    expect(result.inputs.changes).toBe(8);
    expect(result.changes.map(c => c.prNumber)).toEqual([
      8, 7, 6, 5, 4, 3, 2, 1,
    ]);
  });
});
