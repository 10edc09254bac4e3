import { computeDora } from './computeDora';
import { deployment, incident, options, rows } from './testRows';

/**
 * A Group roll-up is computed from the union of its components' rows.
 * Deployment ids, like shas, are unique only within an entity.
 */
describe('computeDora: a Group roll-up of components that share deployment ids', () => {
  const A = 'component:default/checkout-web';
  const B = 'component:default/payments-api';
  const input = rows({
    deployments: [
      // same id, same finish time, two components (the same CI numbering)
      deployment('42', '2026-11-04T10:00:00Z', { entityRef: A }),
      deployment('42', '2026-11-04T10:00:00Z', { entityRef: B }),
      deployment('43', '2026-11-05T10:00:00Z', { entityRef: B }),
    ],
    incidents: [
      incident('i1', '2026-11-04T10:30:00Z', {
        entityRef: A,
        causedByDeploymentId: '42',
        resolvedAt: '2026-11-04T12:00:00Z',
      }),
    ],
  });
  const of = (entityRef: string) => ({
    deployments: input.deployments.filter(d => d.entityRef === entityRef),
    changes: [],
    incidents: input.incidents.filter(i => i.entityRef === entityRef),
  });
  const failedOf = (result: ReturnType<typeof computeDora>) =>
    result.deployments.map(d => [d.entityRef, d.deploymentId, d.failed]);

  it("fails A's deployment 42, not B's, in the roll-up", () => {
    const result = computeDora(input, options());
    expect(failedOf(result)).toEqual([
      [B, '43', false],
      [B, '42', false],
      [A, '42', true],
    ]);
    expect(result.summary.changeFailureRate).toMatchObject({
      deployments: 3,
      failed: 1,
    });
    // impact starts at A's 42 (10:00), resolved 12:00
    expect(result.incidents).toEqual([
      expect.objectContaining({ incidentId: 'i1', recoveryHours: 2 }),
    ]);
  });

  it('gives the same order whatever order the rows come in', () => {
    const reversed = {
      ...input,
      deployments: [...input.deployments].reverse(),
    };
    expect(failedOf(computeDora(reversed, options()))).toEqual(
      failedOf(computeDora(input, options())),
    );
  });

  it('fails the deployment in A alone and nothing in B alone', () => {
    const a = computeDora(of(A), options());
    expect(failedOf(a)).toEqual([[A, '42', true]]);
    expect(a.summary.changeFailureRate).toMatchObject({
      deployments: 1,
      failed: 1,
    });
    const b = computeDora(of(B), options());
    expect(failedOf(b)).toEqual([
      [B, '43', false],
      [B, '42', false],
    ]);
    expect(b.summary.changeFailureRate).toMatchObject({
      deployments: 2,
      failed: 0,
    });
  });
});
