import { podSubject } from './podSubject';
import { validateCanonicalEvent } from './validate';

const where = { cluster: 'prod-eu-west-1', namespace: 'payments' };

describe('podSubject', () => {
  it('names the pod by its backstage.io/kubernetes-id label first', () => {
    const labels = {
      'backstage.io/kubernetes-id': 'payments-api',
      'app.kubernetes.io/name': 'payments',
      'pod-template-hash': '7d9f8c6b5',
    };
    expect(podSubject({ ...where, labels })).toEqual({
      kind: 'kubernetes-id',
      name: 'payments-api',
      ...where,
      labels,
    });
  });

  it('falls back to the app.kubernetes.io/name label', () => {
    const labels = { 'app.kubernetes.io/name': 'ledger-service' };
    expect(podSubject({ ...where, labels })).toEqual({
      kind: 'kubernetes-id',
      name: 'ledger-service',
      ...where,
      labels,
    });
  });

  it('names the namespace when the pod has neither label (or an empty one)', () => {
    expect(
      podSubject({
        ...where,
        labels: { app: 'x', 'app.kubernetes.io/name': '' },
      }),
    ).toEqual({
      kind: 'namespace',
      name: 'payments',
      ...where,
      labels: { app: 'x', 'app.kubernetes.io/name': '' },
    });
    expect(podSubject(where)).toEqual({
      kind: 'namespace',
      name: 'payments',
      ...where,
      labels: {},
    });
  });

  it('sorts keys, so the same pod gives the same JSON', () => {
    const a = podSubject({ ...where, labels: { b: '1', a: '2' } });
    const b = podSubject({ ...where, labels: { a: '2', b: '1' } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.labels!)).toEqual(['a', 'b']);
  });

  it('leaves out labels Kubernetes would refuse and undefined values', () => {
    const subject = podSubject({
      ...where,
      labels: {
        app: 'ok',
        label_app_kubernetes_io_name: 'sanitised-but-valid',
        'bad key': 'v',
        value: 'has space',
        missing: undefined,
        __proto__x: 'v',
      },
    });
    expect(subject.labels).toEqual({
      app: 'ok',
      label_app_kubernetes_io_name: 'sanitised-but-valid',
    });
  });

  it('keeps 64 labels, the naming ones always among them', () => {
    const labels: Record<string, string> = {
      'backstage.io/kubernetes-id': 'payments-api',
    };
    for (let i = 0; i < 100; i++)
      labels[`a${String(i).padStart(3, '0')}`] = 'v';
    const subject = podSubject({ ...where, labels });
    const keys = Object.keys(subject.labels!);
    expect(keys).toHaveLength(64);
    expect(keys).toContain('backstage.io/kubernetes-id');
    expect(keys[0]).toBe('a000');
    expect(keys[62]).toBe('a062');
    expect(subject.name).toBe('payments-api');
  });

  it('always builds a subject the intake accepts', () => {
    const labels: Record<string, string> = { 'app.kubernetes.io/name': 'x' };
    for (let i = 0; i < 80; i++) labels[`k${i}`] = `v${i}`;
    labels['Bad/Key/'] = 'v';
    const result = validateCanonicalEvent({
      id: 'e',
      source: 's',
      type: 'node.cost',
      occurredAt: '2026-11-02T10:00:00Z',
      subject: podSubject({ ...where, labels }),
      data: {
        cluster: 'c',
        node: 'n',
        instanceType: 'm6i.large',
        capacityType: 'spot',
        cpuCores: 2,
        memoryBytes: 8 * 2 ** 30,
        cpuCoreHourPrice: 0.02,
        memoryGibHourPrice: 0.003,
        hourStart: '2026-11-02T09:00:00Z',
      },
    });
    expect(result.ok).toBe(true);
  });
});
