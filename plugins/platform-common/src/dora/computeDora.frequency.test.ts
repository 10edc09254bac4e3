import { computeDora } from './computeDora';
import { deployment, incident, options, rows } from './testRows';

const at = (day: number, time: string) =>
  `2026-11-${String(day).padStart(2, '0')}T${time}:00Z`;

describe('computeDora: deployment frequency and the weekly series', () => {
  it('grades 3 deployment days in the median week as elite', () => {
    // Each of the 4 weeks: Mon ×2, Wed ×2, Fri ×1 = 5 deployments on 3 days.
    const mondays = [2, 9, 16, 23];
    const deployments = mondays.flatMap(monday => [
      deployment(`d${monday}a`, at(monday, '09:00')),
      deployment(`d${monday}b`, at(monday, '15:00')),
      deployment(`d${monday}c`, at(monday + 2, '10:00')),
      deployment(`d${monday}d`, at(monday + 2, '16:00')),
      deployment(`d${monday}e`, at(monday + 4, '11:00')),
    ]);
    const result = computeDora(
      rows({
        deployments,
        incidents: [
          incident('i1', at(2, '10:00'), { causedByDeploymentId: 'd2a' }),
        ],
      }),
      options(),
    );

    // 20 deployments in 28 days: 20 / 28 per day, 5 per week; days per week [3, 3, 3, 3]
    expect(result.summary.deploymentFrequency).toEqual({
      deployments: 20,
      perDay: 20 / 28,
      perWeek: expect.closeTo(5, 10),
      medianDeploymentDaysPerWeek: 3,
      tier: 'elite',
    });
    expect(result.weekly.map(w => [w.deployments, w.deploymentDays])).toEqual([
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 3],
    ]);
    // i1 fails d2a: the first week is 1 of 5
    expect(result.weekly.map(w => w.changeFailureRate)).toEqual([0.2, 0, 0, 0]);
  });

  it('grades 1 to 2 deployment days in the median week as high', () => {
    // days per week [2, 1, 0, 1] sorted [0, 1, 1, 2]: median 1 → high (≥ 1)
    const result = computeDora(
      rows({
        deployments: [
          deployment('d1', at(2, '10:00')),
          deployment('d2', at(3, '10:00')),
          deployment('d3', at(10, '10:00')),
          deployment('d4', at(24, '10:00')),
        ],
      }),
      options(),
    );
    expect(result.summary.deploymentFrequency).toMatchObject({
      medianDeploymentDaysPerWeek: 1,
      tier: 'high',
    });
  });

  it('grades at least one deployment day in the median month as medium', () => {
    // weeks [0, 1, 0, 0]: median 0; November: 1 day → medium
    const result = computeDora(
      rows({ deployments: [deployment('d1', at(10, '10:00'))] }),
      options(),
    );
    expect(result.summary.deploymentFrequency).toMatchObject({
      medianDeploymentDaysPerWeek: 0,
      tier: 'medium',
    });
  });

  it('grades less than monthly as low', () => {
    // October and November: months [1, 0], median 0.5 < 1 → low
    const result = computeDora(
      rows({ deployments: [deployment('d1', '2026-10-15T10:00:00Z')] }),
      options({ from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
    );
    expect(result.summary.deploymentFrequency.tier).toBe('low');
  });

  it('grades only failed runs as low with 0 deployments, and no runs at all as ungraded', () => {
    const onlyFailed = computeDora(
      rows({
        deployments: [deployment('d1', at(3, '10:00'), { status: 'failure' })],
      }),
      options(),
    );
    expect(onlyFailed.summary.deploymentFrequency).toEqual({
      deployments: 0,
      perDay: 0,
      perWeek: 0,
      medianDeploymentDaysPerWeek: 0,
      tier: 'low',
    });

    const nothing = computeDora(rows({}), options());
    expect(nothing.summary).toEqual({
      deploymentFrequency: {
        deployments: 0,
        perDay: 0,
        perWeek: 0,
        medianDeploymentDaysPerWeek: 0,
        tier: null,
      },
      leadTime: { samples: 0, medianHours: null, p90Hours: null, tier: null },
      changeFailureRate: { deployments: 0, failed: 0, rate: null, tier: null },
      recoveryTime: { resolved: 0, open: 0, medianHours: null, tier: null },
      reworkRate: { deployments: 0, rework: 0, rate: null },
    });
    expect(nothing.weekly).toHaveLength(4);
  });

  it('lists every ISO week overlapping the window, empty ones included', () => {
    // Wed 4 Nov → Tue 17 Nov overlaps the weeks of 2, 9 and 16 November.
    const result = computeDora(
      rows({
        deployments: [
          deployment('d0', at(3, '10:00')), // same ISO week, before the window
          deployment('d1', at(4, '10:00')),
          deployment('d2', at(4, '15:00')),
          deployment('d3', at(16, '10:00')),
        ],
      }),
      options({ from: at(4, '00:00'), to: at(17, '00:00') }),
    );
    const empty = {
      deployments: 0,
      deploymentDays: 0,
      leadTimeMedianHours: null,
      changeFailureRate: null,
      recoveryMedianHours: null,
    };
    expect(result.weekly).toEqual([
      {
        ...empty,
        weekStart: '2026-11-02T00:00:00.000Z',
        deployments: 2,
        deploymentDays: 1,
        changeFailureRate: 0,
      },
      { ...empty, weekStart: '2026-11-09T00:00:00.000Z' },
      {
        ...empty,
        weekStart: '2026-11-16T00:00:00.000Z',
        deployments: 1,
        deploymentDays: 1,
        changeFailureRate: 0,
      },
    ]);
    // 3 deployments in 13 days; days per week [1, 0, 1]: median 1 → high
    expect(result.summary.deploymentFrequency).toEqual({
      deployments: 3,
      perDay: 3 / 13,
      perWeek: expect.closeTo(21 / 13, 10),
      medianDeploymentDaysPerWeek: 1,
      tier: 'high',
    });
  });
});
