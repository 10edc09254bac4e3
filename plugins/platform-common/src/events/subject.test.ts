/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "rejects"] }] */
import { EVENT_LIMITS as L } from './fields';
import { validateCanonicalEvent } from './validate';

const usage = (subject: unknown) => ({
  id: 'u1',
  source: 'k8s',
  type: 'pod.usage',
  occurredAt: '2026-11-02T10:00:00Z',
  subject,
  data: {
    cluster: 'prod',
    namespace: 'payments',
    pod: 'payments-api-1',
    podUid: 'uid-1',
    container: 'app',
    node: 'node-1',
    controller: 'payments-api',
    hourStart: '2026-11-02T09:00:00Z',
    cpuRequestCores: 0.5,
    cpuUsageCores: 0.1,
    memoryRequestBytes: 1,
    memoryUsageBytes: 1,
  },
});

const pod = {
  kind: 'kubernetes-id',
  name: 'payments-api',
  cluster: 'prod',
  namespace: 'payments',
};

function rejects(subject: unknown, message: RegExp) {
  const result = validateCanonicalEvent(usage(subject));
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toMatch(message);
}

describe('event subject namespace and labels', () => {
  it('keeps a namespace and Kubernetes labels, trimmed namespace', () => {
    const labels = {
      'app.kubernetes.io/name': 'payments-api',
      'example.com/tier': 'web',
      team: '',
      'a.b-c/D_e.f': 'X-1_y.z',
    };
    const result = validateCanonicalEvent(
      usage({ ...pod, namespace: ' payments ', labels }),
    );
    expect(result.ok && result.event.subject).toEqual({
      ...pod,
      namespace: 'payments',
      labels,
    });
  });

  it('leaves both optional (older producers)', () => {
    const result = validateCanonicalEvent(
      usage({ kind: 'kubernetes-id', name: 'payments-api' }),
    );
    expect(result.ok && result.event.subject).toEqual({
      kind: 'kubernetes-id',
      name: 'payments-api',
    });
  });

  it('bounds the namespace like a Kubernetes namespace', () => {
    expect(
      validateCanonicalEvent(usage({ ...pod, namespace: 'n'.repeat(63) })).ok,
    ).toBe(true);
    rejects(
      { ...pod, namespace: 'n'.repeat(64) },
      /^subject.namespace: Too big/,
    );
    rejects({ ...pod, namespace: '' }, /^subject.namespace: /);
  });

  it('accepts 64 labels and refuses 65 with one message', () => {
    const labels = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(
      validateCanonicalEvent(usage({ ...pod, labels: labels(64) })).ok,
    ).toBe(true);
    rejects(
      { ...pod, labels: labels(65) },
      /^subject.labels: Too big: expected at most 64 labels, got 65$/,
    );
  });

  it('accepts keys and values at their longest', () => {
    const prefix = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(
      63,
    )}.${'d'.repeat(61)}`;
    const key = `${prefix}/${'n'.repeat(63)}`;
    expect(prefix.length).toBe(L.kubernetesName);
    expect(key.length).toBe(L.labelKey);
    const result = validateCanonicalEvent(
      usage({ ...pod, labels: { [key]: 'v'.repeat(L.labelValue) } }),
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ ['n'.repeat(64)]: 'v' }, /not a Kubernetes label key/],
    [{ [`${'p'.repeat(254)}/n`]: 'v' }, /not a Kubernetes label key/],
    [{ 'a/b/c': 'v' }, /^subject.labels.a\/b\/c: not a Kubernetes label key/],
    [{ '/name': 'v' }, /not a Kubernetes label key/],
    [{ 'Example.com/name': 'v' }, /not a Kubernetes label key/],
    [{ '-app': 'v' }, /not a Kubernetes label key/],
    [{ 'a b': 'v' }, /not a Kubernetes label key/],
    [{ 'a\u0000': 'v' }, /not a Kubernetes label key/],
    [
      { app: 'v'.repeat(64) },
      /^subject.labels.app: not a Kubernetes label value/,
    ],
    [{ app: 'two words' }, /not a Kubernetes label value/],
    [{ app: 'trailing-' }, /not a Kubernetes label value/],
    [{ app: 'line\nbreak' }, /not a Kubernetes label value/],
    [{ app: 1 }, /^subject.labels.app: /],
    [['app'], /^subject.labels: /],
  ])('refuses labels %j', (labels, message) => {
    rejects({ ...pod, labels }, message);
  });

  it('names a long bad key shortened', () => {
    const key = `${'k'.repeat(100)} x`;
    const result = validateCanonicalEvent(
      usage({ ...pod, labels: { [key]: 'v' } }),
    );
    expect(!result.ok && result.message).toBe(
      `subject.labels.${'k'.repeat(
        80,
      )}…: not a Kubernetes label key ([prefix/]name: prefix a DNS subdomain of up to 253, name up to 63 of A-Z a-z 0-9 - _ . with alphanumeric ends)`,
    );
  });
});
