import { computeDora } from './computeDora';
import { change, deployment, options, rows } from './testRows';

const shippedBy = (result: ReturnType<typeof computeDora>) =>
  Object.fromEntries(
    result.deployments.map(d => [d.deploymentId, d.shippedShas]),
  );

describe('computeDora: which deployment shipped a commit first', () => {
  it('ships several commits per deployment and measures a re-shipped commit once, for its first deployment', () => {
    const result = computeDora(
      rows({
        changes: [
          change(1, '2026-11-03T08:00:00Z', [
            ['c1', '2026-11-03T00:00:00Z'],
            ['c2', '2026-11-03T06:00:00Z'],
          ]),
          change(2, '2026-11-04T03:00:00Z', [['c3', '2026-11-04T02:00:00Z']]),
        ],
        deployments: [
          deployment('d1', '2026-11-03T12:00:00Z', {
            changeShas: ['c1', 'c2', 'merge-1'],
          }),
          // c2 again: already shipped by d1, so d2 ships only c3
          deployment('d2', '2026-11-04T12:00:00Z', {
            changeShas: ['c2', 'c3'],
          }),
        ],
      }),
      options(),
    );

    expect(shippedBy(result)).toEqual({
      d1: ['c1', 'c2', 'merge-1'],
      d2: ['c3'],
    });
    // c1 12:00 − 00:00 = 12 h; c2 12:00 − 06:00 = 6 h; c3 d2 12:00 − 02:00 = 10 h;
    // merge-1 has no commit time, so it is not measured.
    // sorted [6, 10, 12]: median 10; p90 rank 2 × 0.9 = 1.8 → 10 + 0.8 × 2 = 11.6
    const { leadTime } = result.summary;
    expect(leadTime.samples).toBe(3);
    expect(leadTime.medianHours).toBe(10);
    expect(leadTime.p90Hours).toBeCloseTo(11.6, 10);
    expect(leadTime.tier).toBe('elite');
    // Both ship in the week of Monday 2 November.
    expect(result.weekly[0].leadTimeMedianHours).toBe(10);

    // Change 1: median of its commits shipped by d1, (12 + 6) / 2 = 9 h.
    expect(
      result.changes.map(c => [
        c.prNumber,
        c.deploymentId,
        c.deployedAt,
        c.leadTimeHours,
        c.hoursToMerge,
      ]),
    ).toEqual([
      [2, 'd2', '2026-11-04T12:00:00Z', 10, 2],
      [1, 'd1', '2026-11-03T12:00:00Z', 9, 2],
    ]);
  });

  it('falls back to the changes merged since the previous deployment started when changeShas is empty', () => {
    const result = computeDora(
      rows({
        changes: [
          change(0, '2026-10-25T08:00:00Z', [['c0', '2026-10-25T07:00:00Z']]),
          change(1, '2026-11-03T08:00:00Z', [['c1', '2026-11-03T07:00:00Z']]),
          change(2, '2026-11-03T10:30:00Z', [['c2', '2026-11-03T09:30:00Z']]),
          change(3, '2026-11-03T11:00:00Z', [['c3', '2026-11-03T10:00:00Z']]),
          // merged after d2 started, but it is d2's own sha
          change(4, '2026-11-03T12:01:00Z', [['c4', '2026-11-03T11:30:00Z']]),
          // same time range, another component: not d2's to ship
          change(9, '2026-11-03T11:15:00Z', [['c9', '2026-11-03T11:00:00Z']], {
            entityRef: 'component:default/other',
          }),
        ],
        deployments: [
          deployment('d0', '2026-10-28T09:10:00Z', {
            startedAt: '2026-10-28T09:00:00Z',
            changeShas: ['c0'],
          }),
          // ships what merged in (28 Oct 09:00, 3 Nov 09:00]: change 1
          deployment('d1', '2026-11-03T09:30:00Z', {
            startedAt: '2026-11-03T09:00:00Z',
            sha: 'merge-1',
          }),
          // ships what merged in (09:00, 12:00]: changes 2 and 3, plus change 4 by its sha
          deployment('d2', '2026-11-03T12:30:00Z', {
            startedAt: '2026-11-03T12:00:00Z',
            sha: 'merge-4',
          }),
        ],
      }),
      options(),
    );

    expect(shippedBy(result)).toEqual({
      d2: ['c2', 'merge-2', 'c3', 'merge-3', 'c4', 'merge-4'],
      d1: ['c1', 'merge-1'],
    });
    // c1 09:30 − 07:00 = 2.5 h; c2 12:30 − 09:30 = 3 h; c3 12:30 − 10:00 = 2.5 h;
    // c4 12:30 − 11:30 = 1 h. d0 finished before the window: not measured.
    // sorted [1, 2.5, 2.5, 3]: median 2.5; p90 rank 2.7 → 2.5 + 0.7 × 0.5 = 2.85
    const { leadTime } = result.summary;
    expect(leadTime.samples).toBe(4);
    expect(leadTime.medianHours).toBe(2.5);
    expect(leadTime.p90Hours).toBeCloseTo(2.85, 10);
    expect(result.changes.find(c => c.prNumber === 9)?.deploymentId).toBeNull();
  });

  it('resumes the commit range after a rollback from the last forward deployment', () => {
    const result = computeDora(
      rows({
        changes: [
          change(1, '2026-11-03T09:30:00Z', [['c1', '2026-11-03T09:00:00Z']]),
          change(2, '2026-11-03T11:00:00Z', [['c2', '2026-11-03T10:30:00Z']]),
          change(3, '2026-11-03T12:30:00Z', [['c3', '2026-11-03T12:00:00Z']]),
        ],
        deployments: [
          deployment('d1', '2026-11-03T10:10:00Z', {
            startedAt: '2026-11-03T10:00:00Z',
            changeShas: ['c1'],
          }),
          deployment('d2', '2026-11-03T11:40:00Z', {
            startedAt: '2026-11-03T11:30:00Z',
            rollback: true,
          }),
          // range (d1 started 10:00, 13:00]: change 2 merged before the rollback is not lost
          deployment('d3', '2026-11-03T13:10:00Z', {
            startedAt: '2026-11-03T13:00:00Z',
          }),
        ],
      }),
      options(),
    );

    expect(shippedBy(result)).toEqual({
      d3: ['c2', 'merge-2', 'c3', 'merge-3'],
      d2: [],
      d1: ['c1'],
    });
  });
});
