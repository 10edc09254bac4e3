import { validateCanonicalEvent } from './validate';

const base = {
  id: 'e1',
  source: 'ci',
  occurredAt: '2026-11-02T10:00:00Z',
  subject: { kind: 'repository', name: 'acme/payments-api' },
};

const valid = {
  'change.merged': {
    repository: 'acme/payments-api',
    prNumber: 12,
    mergeSha: 'abcdef1234567',
    commits: [
      { sha: 'abcdef7654321', committedAt: '2026-11-01T09:00:00+02:00' },
    ],
    openedAt: '2026-11-01T08:00:00Z',
    mergedAt: '2026-11-02T10:00:00Z',
  },
  'deployment.finished': {
    deploymentId: 'd1',
    environment: 'production',
    sha: 'abcdef1234567',
    status: 'success',
    startedAt: '2026-11-02T09:55:00Z',
    finishedAt: '2026-11-02T10:00:00Z',
  },
  'incident.opened': {
    incidentId: 'i1',
    severity: 'SEV2',
    openedAt: '2026-11-02T10:00:00Z',
    causedByDeploymentId: 'd1',
  },
  'incident.resolved': {
    incidentId: 'i1',
    severity: 'SEV2',
    openedAt: '2026-11-02T10:00:00Z',
    resolvedAt: '2026-11-02T11:00:00Z',
  },
  'pod.usage': {
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
    memoryRequestBytes: 536870912,
    memoryUsageBytes: 268435456,
    cpuCoreHourPrice: 0.031,
    memoryGibHourPrice: 0.004,
  },
  'canary.run': {
    cluster: 'prod',
    check: 'dns-resolution',
    capability: 'dns',
    outcome: 'pass',
    durationMs: 120,
    startedAt: '2026-11-02T10:00:00Z',
  },
  'rollout.updated': {
    cluster: 'prod',
    namespace: 'payments',
    name: 'payments-api',
    strategy: 'canary',
    step: 2,
    desiredWeight: 20,
    actualWeight: 20,
    phase: 'Paused',
    analysis: {
      status: 'Running',
      metrics: [
        { name: 'error-rate', value: 0.2, threshold: 1, verdict: 'pass' },
      ],
    },
  },
};

describe('validateCanonicalEvent', () => {
  it.each(Object.entries(valid))(
    'accepts a valid %s and applies defaults',
    (type, data) => {
      const result = validateCanonicalEvent({ ...base, type, data });
      expect(result).toMatchObject({ ok: true, event: { type, id: 'e1' } });
    },
  );

  it('fills defaults a producer may leave out', () => {
    const result = validateCanonicalEvent({
      ...base,
      type: 'deployment.finished',
      data: valid['deployment.finished'],
    });
    expect(result.ok && result.event.data).toMatchObject({
      changeShas: [],
      rollback: false,
    });
  });

  it.each([
    [null, 'event: must be a JSON object'],
    [[base], 'event: must be a JSON object'],
    [{ ...base }, 'type: required, a string'],
    [
      { ...base, type: 'x.y', data: {} },
      /^type: unknown event type "x.y"; expected one of change.merged/,
    ],
    [
      { ...base, id: '', type: 'canary.run', data: valid['canary.run'] },
      /^id: /,
    ],
    [
      {
        ...base,
        type: 'canary.run',
        data: { ...valid['canary.run'], outcome: 'ok' },
      },
      /^data.outcome: /,
    ],
    [
      {
        ...base,
        type: 'canary.run',
        data: { ...valid['canary.run'], extra: 1 },
      },
      /^data: .*extra/,
    ],
    [
      {
        ...base,
        subject: { kind: 'person', name: 'x' },
        type: 'canary.run',
        data: valid['canary.run'],
      },
      /^subject.kind: /,
    ],
    [
      {
        ...base,
        occurredAt: '2026-13-01T00:00:00Z',
        type: 'canary.run',
        data: valid['canary.run'],
      },
      /^occurredAt: /,
    ],
    [
      {
        ...base,
        occurredAt: '2026-02-29T00:00:00Z',
        type: 'canary.run',
        data: valid['canary.run'],
      },
      /^occurredAt: must be an ISO-8601 timestamp/,
    ],
    [
      {
        ...base,
        occurredAt: 1730000000,
        type: 'canary.run',
        data: valid['canary.run'],
      },
      /^occurredAt: /,
    ],
    [
      {
        ...base,
        type: 'pod.usage',
        data: { ...valid['pod.usage'], cpuUsageCores: -1 },
      },
      /^data.cpuUsageCores: /,
    ],
  ])('rejects %j with a message naming the field', (value, message) => {
    const result = validateCanonicalEvent(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
