import { computeDora } from './computeDora';
import { deployment, incident, options, rows } from './testRows';
import type { DoraTierModel } from './types';

describe('computeDora: failed runs, change failure rate, recovery and rework', () => {
  it('shows failed and cancelled runs in the drill-down without counting them as deployments', () => {
    const result = computeDora(
      rows({
        deployments: [
          deployment('d0', '2026-10-30T10:00:00Z'), // before the window
          deployment('d1', '2026-11-03T10:00:00Z'),
          deployment('d2', '2026-11-04T10:00:00Z', { status: 'failure' }),
          deployment('d3', '2026-11-05T10:00:00Z', { status: 'cancelled' }),
          deployment('d4', '2026-11-05T11:00:00Z', { environment: 'staging' }),
        ],
        // blames the failed run, which is no deployment: no failure is counted
        incidents: [
          incident('i1', '2026-11-04T10:30:00Z', {
            resolvedAt: '2026-11-04T11:00:00Z',
            causedByDeploymentId: 'd2',
          }),
        ],
      }),
      options(),
    );

    expect(result.inputs).toEqual({
      deployments: 1,
      changes: 0,
      incidents: 1,
      failedRuns: 2,
    });
    expect(result.summary.deploymentFrequency.deployments).toBe(1);
    expect(result.summary.changeFailureRate).toEqual({
      deployments: 1,
      failed: 0,
      rate: 0,
      tier: 'elite',
    });
    expect(
      result.deployments.map(d => [
        d.deploymentId,
        d.status,
        d.countsAsDeployment,
        d.failed,
        d.incidentIds,
      ]),
    ).toEqual([
      ['d3', 'cancelled', false, false, []],
      ['d2', 'failure', false, false, []],
      ['d1', 'success', true, false, []],
    ]);
    // opened in the window, linked to no deployment: 10:30 → 11:00 = 0.5 h
    expect(result.incidents).toEqual([
      expect.objectContaining({
        incidentId: 'i1',
        impactStartedAt: '2026-11-04T10:30:00.000Z',
        recoveryHours: 0.5,
      }),
    ]);
  });

  it('counts a rollback with no new commits as rework that fails the deployment before it', () => {
    const result = computeDora(
      rows({
        deployments: [
          deployment('d1', '2026-11-03T10:00:00Z', { changeShas: ['c1'] }),
          deployment('d2', '2026-11-04T10:00:00Z', { changeShas: ['c2'] }),
          deployment('d3', '2026-11-04T11:00:00Z', {
            rollback: true,
            sha: 'sha-d1',
          }),
          deployment('d4', '2026-11-05T10:00:00Z', {
            changeShas: ['c3'],
            rework: 'hotfix',
          }),
        ],
      }),
      options(),
    );

    expect(
      result.deployments.map(d => [d.deploymentId, d.shippedShas, d.failed]),
    ).toEqual([
      ['d4', ['c3'], false],
      ['d3', [], false],
      ['d2', ['c2'], true],
      ['d1', ['c1'], false],
    ]);
    // 1 failed (d2) of 4 = 25 % > 20 % → low
    expect(result.summary.changeFailureRate).toEqual({
      deployments: 4,
      failed: 1,
      rate: 0.25,
      tier: 'low',
    });
    // d3 (rollback) and d4 (hotfix): 2 of 4
    expect(result.summary.reworkRate).toEqual({
      deployments: 4,
      rework: 2,
      rate: 0.5,
    });
  });

  describe('incidents', () => {
    const scenario = () =>
      computeDora(
        rows({
          deployments: [
            deployment('d1', '2026-11-03T10:00:00Z', { changeShas: ['c1'] }),
            deployment('d2', '2026-11-05T10:00:00Z', { changeShas: ['c2'] }),
            deployment('d3', '2026-11-10T10:00:00Z', { changeShas: ['c3'] }),
            // re-lists c2: the root cause sha still points at d2, which shipped it first
            deployment('d4', '2026-11-12T10:00:00Z', {
              changeShas: ['c4', 'c2'],
            }),
          ],
          incidents: [
            // three incidents on d2, impact from its finish at 5 Nov 10:00
            incident('i1', '2026-11-05T11:00:00Z', {
              causedByDeploymentId: 'd2',
              resolvedAt: '2026-11-05T12:00:00Z', // 2 h
            }),
            incident('i2', '2026-11-05T10:30:00Z', {
              causedByDeploymentId: 'd2',
              resolvedAt: '2026-11-05T14:00:00Z', // 4 h
            }),
            incident('i3', '2026-11-06T10:00:00Z', {
              rootCauseSha: 'c2',
              resolvedAt: '2026-11-06T16:00:00Z', // 30 h
            }),
            // open: fails d3, not in the median
            incident('i4', '2026-11-10T12:00:00Z', { rootCauseSha: 'c3' }),
            incident('i5', '2026-11-20T08:00:00Z', {
              resolvedAt: '2026-11-20T09:00:00Z', // 1 h
            }),
            // before the window and unlinked: not the window's
            incident('i6', '2026-10-20T08:00:00Z', {
              resolvedAt: '2026-10-21T08:00:00Z',
            }),
            // resolved after the window ends: still open within it
            incident('i7', '2026-11-28T08:00:00Z', {
              resolvedAt: '2026-12-02T08:00:00Z',
            }),
          ],
        }),
        options(),
      );
    let result: ReturnType<typeof computeDora>;
    beforeAll(() => {
      result = scenario();
    });

    it('counts a deployment with three incidents as one failure and links by rootCauseSha', () => {
      // d2 (i1, i2, i3) and d3 (i4): 2 of 4 = 50 %
      expect(result.summary.changeFailureRate).toEqual({
        deployments: 4,
        failed: 2,
        rate: 0.5,
        tier: 'low',
      });
      expect(
        result.deployments.map(d => [d.deploymentId, d.failed, d.incidentIds]),
      ).toEqual([
        ['d4', false, []],
        ['d3', true, ['i4']],
        ['d2', true, ['i1', 'i2', 'i3']],
        ['d1', false, []],
      ]);
    });

    it('takes the median of resolved incidents and counts open ones apart', () => {
      // [2, 4, 30, 1] sorted [1, 2, 4, 30]: median (2 + 4) / 2 = 3 h → high
      expect(result.summary.recoveryTime).toEqual({
        resolved: 4,
        open: 2,
        medianHours: 3,
        tier: 'high',
      });
      expect(
        result.incidents.map(i => [
          i.incidentId,
          i.impactStartedAt,
          i.recoveryHours,
        ]),
      ).toEqual([
        ['i7', '2026-11-28T08:00:00.000Z', null],
        ['i5', '2026-11-20T08:00:00.000Z', 1],
        ['i4', '2026-11-10T10:00:00.000Z', null],
        ['i3', '2026-11-05T10:00:00.000Z', 30],
        ['i1', '2026-11-05T10:00:00.000Z', 2],
        ['i2', '2026-11-05T10:00:00.000Z', 4],
      ]);
      expect(result.inputs.incidents).toBe(6);
    });

    it('reports failure rate by deployment week and recovery by resolution week', () => {
      // week of 2 Nov: d1, d2 (failed); 9 Nov: d3 (failed), d4.
      // resolved week of 2 Nov: 2, 4, 30 → 4; week of 16 Nov: 1.
      expect(
        result.weekly.map(w => [
          w.weekStart,
          w.changeFailureRate,
          w.recoveryMedianHours,
        ]),
      ).toEqual([
        ['2026-11-02T00:00:00.000Z', 0.5, 4],
        ['2026-11-09T00:00:00.000Z', 0.5, null],
        ['2026-11-16T00:00:00.000Z', null, 1],
        ['2026-11-23T00:00:00.000Z', null, null],
      ]);
    });
  });

  it('grades a recovery of exactly 1 h as high, measured from the deployment when it came first', () => {
    const result = computeDora(
      rows({
        deployments: [deployment('d1', '2026-11-03T10:00:00Z')],
        incidents: [
          incident('i1', '2026-11-03T10:30:00Z', {
            causedByDeploymentId: 'd1',
            resolvedAt: '2026-11-03T11:00:00Z', // 11:00 − 10:00 = 1 h
          }),
        ],
      }),
      options(),
    );
    expect(result.summary.recoveryTime).toMatchObject({
      medianHours: 1,
      tier: 'high',
    });
  });

  /** `count` deployments an hour apart from 2 Nov, the first `failing` of them blamed by an incident. */
  function deploymentsWithFailures(count: number, failing: number) {
    const finishedAt = (i: number) =>
      new Date(
        Date.parse('2026-11-02T00:00:00Z') + (i + 1) * 3_600_000,
      ).toISOString();
    return rows({
      deployments: Array.from({ length: count }, (_, i) =>
        deployment(`d${i}`, finishedAt(i)),
      ),
      incidents: Array.from({ length: failing }, (_, i) =>
        incident(`i${i}`, finishedAt(i), { causedByDeploymentId: `d${i}` }),
      ),
    });
  }

  it('grades a change failure rate of exactly 5 % as elite', () => {
    // 1 of 20 = 0.05, and elite is ≤ 5 %
    const { changeFailureRate } = computeDora(
      deploymentsWithFailures(20, 1),
      options(),
    ).summary;
    expect(changeFailureRate).toEqual({
      deployments: 20,
      failed: 1,
      rate: 0.05,
      tier: 'elite',
    });
  });

  it.each([
    ['2024', 'medium'], // medium is ≤ 20 %
    ['2023', 'low'], // medium is ≤ 15 %
  ] as Array<[DoraTierModel, string]>)(
    'grades a change failure rate of 18 %% with the %s model as %s',
    (tierModel, tier) => {
      // 9 of 50 = 0.18
      const { changeFailureRate } = computeDora(
        deploymentsWithFailures(50, 9),
        options({ tierModel }),
      ).summary;
      expect(changeFailureRate).toEqual({
        deployments: 50,
        failed: 9,
        rate: 0.18,
        tier,
      });
    },
  );
});
