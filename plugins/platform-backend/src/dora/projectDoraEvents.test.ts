import { validateCanonicalEvent } from '@goldenpath/plugin-platform-common';
import { change, deployment, incident } from '../__testUtils__/doraEvents';
import { LinkedEvent, projectDoraEvents } from './projectDoraEvents';

const linked = (inputs: unknown[]): LinkedEvent[] =>
  inputs.map((input, i) => {
    const v = validateCanonicalEvent(input);
    if (!v.ok) throw new Error(v.message);
    return {
      seq: i + 1,
      entityRef: 'component:default/payments-api',
      event: v.event,
    };
  });

describe('projectDoraEvents', () => {
  it('maps each type to its row with normalised times', () => {
    const u = projectDoraEvents(
      linked([
        change(1, '2026-11-02T10:00:00+02:00', '2026-11-02T09:00:00Z'),
        deployment('d1', '2026-11-02T10:00:00Z', [1]),
        ...incident('i1', '2026-11-02T11:00:00Z', 'd1'),
      ]),
    );
    expect(u.changes[0]).toMatchObject({
      prNumber: 1,
      commits: [{ committedAt: '2026-11-02T08:00:00.000Z' }],
      entityRef: 'component:default/payments-api',
    });
    expect(u.deployments[0]).toMatchObject({
      deploymentId: 'd1',
      status: 'success',
    });
    expect(u.incidents[0]).toMatchObject({
      incidentId: 'i1',
      resolvedAt: undefined,
    });
  });

  it('folds repeats of a key so one upsert touches each row once', () => {
    const u = projectDoraEvents(
      linked([
        deployment('d1', '2026-11-02T10:00:00Z', [1], { status: 'failure' }),
        deployment('d1', '2026-11-02T10:00:00Z', [1]),
      ]),
    );
    expect(u.deployments).toHaveLength(1);
    expect(u.deployments[0].status).toBe('success');
  });

  it('never undoes a resolution with a late incident.opened', () => {
    const [opened, resolved] = incident(
      'i1',
      '2026-11-02T11:00:00Z',
      'd1',
      '2026-11-02T12:00:00Z',
    );
    const u = projectDoraEvents(linked([resolved, opened]));
    expect(u.incidents).toEqual([
      expect.objectContaining({ resolvedAt: '2026-11-02T12:00:00.000Z' }),
    ]);
  });

  it('keys rows per entity: two components with the same ids from one source keep a row each', () => {
    const [a, b] = ['component:default/a', 'component:default/b'];
    const inputs = [
      change(7, '2026-11-02T09:00:00Z', '2026-11-02T09:30:00Z'),
      deployment('42', '2026-11-02T10:00:00Z', [7]),
      ...incident('i1', '2026-11-02T11:00:00Z', '42', '2026-11-02T12:00:00Z'),
    ];
    const events = [
      ...linked(inputs).map(e => ({ ...e, entityRef: a })),
      ...linked(inputs).map(e => ({ ...e, entityRef: b })),
    ];
    const u = projectDoraEvents(events);
    const refs = (rows: Array<{ entityRef: string }>) =>
      rows.map(r => r.entityRef);
    expect(refs(u.deployments)).toEqual([a, b]);
    expect(refs(u.changes)).toEqual([a, b]);
    expect(refs(u.incidents)).toEqual([a, b]);
    expect(u.incidents.map(i => i.resolvedAt)).toEqual([
      '2026-11-02T12:00:00.000Z',
      '2026-11-02T12:00:00.000Z',
    ]);
  });
});
