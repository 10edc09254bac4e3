import { computeDora } from './computeDora';
import { change, deployment, options, rows } from './testRows';

describe('computeDora: lead time for changes', () => {
  // Change 1: c1, c2, merged Wed 4 Nov 00:00. Change 2: c3, c4, merged 02:00.
  // d1 ships c1, c2, c3 on 4 Nov 06:00; d2 ships c4 on 5 Nov 06:00.
  const twoChanges = rows({
    changes: [
      change(1, '2026-11-04T00:00:00Z', [
        ['c1', '2026-11-02T00:00:00Z'],
        ['c2', '2026-11-03T00:00:00Z'],
      ]),
      change(2, '2026-11-04T02:00:00Z', [
        ['c3', '2026-11-03T12:00:00Z'],
        ['c4', '2026-11-03T18:00:00Z'],
      ]),
    ],
    deployments: [
      deployment('d1', '2026-11-04T06:00:00Z', {
        changeShas: ['c1', 'c2', 'c3'],
      }),
      deployment('d2', '2026-11-05T06:00:00Z', { changeShas: ['c4'] }),
    ],
  });

  it('measures each commit from its commit time by default', () => {
    const result = computeDora(twoChanges, options());
    // c1 54 h, c2 30 h, c3 18 h (to d1); c4 36 h (to d2)
    // sorted [18, 30, 36, 54]: median (30 + 36) / 2 = 33; p90 rank 2.7 → 36 + 0.7 × 18 = 48.6
    expect(result.summary.leadTime).toEqual({
      samples: 4,
      medianHours: 33,
      p90Hours: expect.closeTo(48.6, 10),
      tier: 'high',
    });
    // Change 1: median(54, 30) = 42. Change 2 first shipped by d1 (c3): only c3 counts, 18.
    expect(
      result.changes.map(c => [c.prNumber, c.deploymentId, c.leadTimeHours]),
    ).toEqual([
      [2, 'd1', 18],
      [1, 'd1', 42],
    ]);
  });

  it('counts the commits of a squash-merged change when only its merge sha is shipped', () => {
    const result = computeDora(
      rows({
        changes: [
          change(7, '2026-11-03T12:00:00Z', [
            ['p1', '2026-11-03T00:00:00Z'],
            ['p2', '2026-11-03T06:00:00Z'],
          ]),
        ],
        deployments: [
          deployment('d1', '2026-11-03T18:00:00Z', { changeShas: ['merge-7'] }),
        ],
      }),
      options(),
    );
    // p1 18 h, p2 12 h: median 15 h, both shipped by d1 through merge-7
    expect(result.summary.leadTime).toMatchObject({
      samples: 2,
      medianHours: 15,
    });
    expect(result.changes[0]).toMatchObject({
      deploymentId: 'd1',
      leadTimeHours: 15,
    });
  });

  it("measures once per change from the merge with leadTimeStart 'merge'", () => {
    const result = computeDora(twoChanges, options({ leadTimeStart: 'merge' }));
    // Change 1: d1 06:00 − merged 00:00 = 6 h. Change 2: first shipped by d1 (c3),
    // 06:00 − 02:00 = 4 h, not again for d2. [4, 6]: median 5; p90 4 + 0.9 × 2 = 5.8
    expect(result.summary.leadTime).toEqual({
      samples: 2,
      medianHours: 5,
      p90Hours: expect.closeTo(5.8, 10),
      tier: 'elite',
    });
    expect(result.changes.map(c => [c.prNumber, c.leadTimeHours])).toEqual([
      [2, 4],
      [1, 6],
    ]);
  });

  it('leaves out the weekend with excludeWeekends', () => {
    const fridayToMonday = rows({
      changes: [
        change(1, '2026-11-06T19:00:00Z', [['c1', '2026-11-06T18:00:00Z']]),
      ],
      deployments: [
        deployment('d1', '2026-11-09T10:00:00Z', { changeShas: ['c1'] }),
      ],
    });
    // Fri 6 Nov 18:00 → Mon 9 Nov 10:00 is 64 h, 48 of them Saturday and Sunday
    expect(
      computeDora(fridayToMonday, options({ excludeWeekends: true })).summary
        .leadTime.medianHours,
    ).toBe(16);
    const withWeekends = computeDora(fridayToMonday, options());
    expect(withWeekends.summary.leadTime.medianHours).toBe(64);
    // by the week it shipped: the week of Monday 9 November
    expect(withWeekends.weekly.map(w => w.leadTimeMedianHours)).toEqual([
      null,
      64,
      null,
      null,
    ]);
  });

  it('grades a median of exactly 24 h as high, because elite is under 24 h', () => {
    const result = computeDora(
      rows({
        changes: [
          change(1, '2026-11-03T11:00:00Z', [['c1', '2026-11-03T10:00:00Z']]),
        ],
        deployments: [
          deployment('d1', '2026-11-04T10:00:00Z', { changeShas: ['c1'] }),
        ],
      }),
      options(),
    );
    expect(result.summary.leadTime.medianHours).toBe(24);
    expect(result.summary.leadTime.tier).toBe('high');
  });

  it('does not measure a commit stamped after its deployment or a sha with no known commit time', () => {
    const result = computeDora(
      rows({
        changes: [
          change(1, '2026-11-03T06:00:00Z', [
            ['c1', '2026-11-03T05:00:00Z'],
            ['skewed', '2026-11-03T11:00:00Z'],
          ]),
        ],
        deployments: [
          deployment('d1', '2026-11-03T10:00:00Z', {
            changeShas: ['c1', 'skewed', 'unknown'],
          }),
        ],
      }),
      options(),
    );
    // only c1: 10:00 − 05:00 = 5 h
    expect(result.summary.leadTime).toMatchObject({
      samples: 1,
      medianHours: 5,
    });
  });

  it('has no lead time without shipped commits', () => {
    const result = computeDora(
      rows({ deployments: [deployment('d1', '2026-11-03T10:00:00Z')] }),
      options(),
    );
    expect(result.summary.leadTime).toEqual({
      samples: 0,
      medianHours: null,
      p90Hours: null,
      tier: null,
    });
  });
});
