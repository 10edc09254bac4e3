/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "rejects"] }] */
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

describe('hardening: characters, bounds, links and times', () => {
  const deployment = (over: Record<string, unknown> = {}, data = {}) => ({
    ...base,
    type: 'deployment.finished',
    data: { ...valid['deployment.finished'], ...data },
    ...over,
  });
  const rejects = (value: unknown, message: RegExp) => {
    const result = validateCanonicalEvent(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  };

  it.each([
    [
      'source',
      's\u0000x',
      /^source: must not contain control characters \(U\+0000/,
    ],
    ['id', 'x\u0000y', /^id: must not contain control characters \(U\+0000/],
    ['id', 'a\u007fb', /^id: must not contain control characters \(U\+007F/],
    ['id', 'a\u0085b', /^id: must not contain control characters \(U\+0085/],
    ['id', '\tpadded', /^id: must not contain control characters \(U\+0009/],
    ['source', 'line\nbreak', /^source: must not contain control/],
    [
      'id',
      'x\ud800',
      /^id: must not contain a lone UTF-16 surrogate \(U\+D800/,
    ],
    [
      'id',
      '\udc00x',
      /^id: must not contain a lone UTF-16 surrogate \(U\+DC00/,
    ],
    ['source', 'a\udbffb', /^source: must not contain a lone UTF-16 surrogate/],
  ])('rejects %s %j', (field, value, message) => {
    rejects(deployment({ [field]: value }), message);
  });

  it('keeps well-formed astral characters (surrogate pairs) in ids', () => {
    const result = validateCanonicalEvent(deployment({ id: 'deploy-🚀' }));
    expect(result.ok && result.event.id).toBe('deploy-🚀');
  });

  it('rejects control characters in data strings that land in columns', () => {
    rejects(
      deployment({}, { environment: 'prod\u0000' }),
      /^data.environment: must not contain control/,
    );
    rejects(
      deployment({ subject: { kind: 'repository', name: 'a\u0000b' } }),
      /^subject.name: must not contain control/,
    );
  });

  it('allows line breaks, not NUL, in canary error messages', () => {
    const canary = (errors: string[]) => ({
      ...base,
      type: 'canary.run',
      data: { ...valid['canary.run'], errors },
    });
    expect(validateCanonicalEvent(canary(['line 1\nline 2\ttab'])).ok).toBe(
      true,
    );
    rejects(canary(['nul\u0000']), /^data.errors.0: must not contain control/);
  });

  describe('canary.run runner fields', () => {
    const canary = (data: Record<string, unknown>) => ({
      ...base,
      type: 'canary.run',
      data: { ...valid['canary.run'], outcome: 'fail', ...data },
    });

    it('keeps the interval, the log tail and the trigger', () => {
      const result = validateCanonicalEvent(
        canary({
          intervalSeconds: 60,
          logTail: ['GET https://canary.example/healthz', '\tstatus 503'],
          trigger: 'manual',
        }),
      );
      expect(result.ok && result.event.data).toMatchObject({
        intervalSeconds: 60,
        logTail: ['GET https://canary.example/healthz', '\tstatus 503'],
        trigger: 'manual',
      });
    });

    it('leaves them out when a producer does not send them', () => {
      const result = validateCanonicalEvent(canary({}));
      expect(result.ok && Object.keys(result.event.data).sort()).toEqual([
        'capability',
        'check',
        'cluster',
        'durationMs',
        'errors',
        'outcome',
        'startedAt',
      ]);
    });

    it.each([
      [{ intervalSeconds: 0 }, /^data.intervalSeconds: Too small/],
      [{ intervalSeconds: 1.5 }, /^data.intervalSeconds: /],
      [{ intervalSeconds: 2_147_483_648 }, /^data.intervalSeconds: Too big/],
      [
        { logTail: Array.from({ length: 51 }, (_, i) => `line ${i}`) },
        /^data.logTail: Too big/,
      ],
      [{ logTail: ['x'.repeat(2001)] }, /^data.logTail.0: Too big/],
      [{ logTail: ['nul\u0000'] }, /^data.logTail.0: must not contain control/],
      [{ trigger: 'cron' }, /^data.trigger: /],
    ])('rejects bad runner field #%#, naming it', (data, message) => {
      rejects(canary(data), message);
    });

    it('takes 50 log lines of 2000 characters', () => {
      const logTail = Array.from({ length: 50 }, () => 'y'.repeat(2000));
      expect(validateCanonicalEvent(canary({ logTail })).ok).toBe(true);
    });
  });

  describe('rollout.updated details', () => {
    const rollout = (data: Record<string, unknown>) => ({
      ...base,
      type: 'rollout.updated',
      data: { ...valid['rollout.updated'], ...data },
    });

    it('takes the pause reason, the message and metrics without a threshold', () => {
      const result = validateCanonicalEvent(
        rollout({
          phase: 'Aborted',
          totalSteps: 8,
          pauseReason: 'InconclusiveAnalysisRun',
          message: 'RolloutAborted: metric "error-rate" assessed Failed',
          analysis: {
            name: 'payments-api-7d9f-2',
            status: 'Inconclusive',
            metrics: [
              { name: 'latency', verdict: 'running' },
              {
                name: 'error-rate',
                value: 0.07,
                condition: 'result[0] <= 0.01',
                threshold: 0.01,
                verdict: 'fail',
              },
            ],
          },
        }),
      );
      expect(result.ok).toBe(true);
    });

    it.each([
      [{ totalSteps: -1 }, /^data.totalSteps: Too small/],
      [{ pauseReason: '' }, /^data.pauseReason: Too small/],
      [{ message: 'm'.repeat(2001) }, /^data.message: Too big/],
      [
        {
          analysis: {
            status: 'Running',
            metrics: [{ name: 'x', value: Infinity, verdict: 'pass' }],
          },
        },
        /^data.analysis.metrics.0.value: /,
      ],
      [
        {
          analysis: {
            status: 'Running',
            metrics: [{ name: 'x', verdict: 'ok' }],
          },
        },
        /^data.analysis.metrics.0.verdict: /,
      ],
    ])('rejects bad rollout detail #%#, naming it', (data, message) => {
      rejects(rollout(data), message);
    });
  });

  it.each([
    // eslint-disable-next-line no-script-url
    ['javascript:alert(1)'],
    // eslint-disable-next-line no-script-url
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.com/x'],
    ['/relative/path'],
    ['https:no-slashes.example.com'],
    ['https://example.com/\nx'],
  ])('rejects the link %j', url => {
    rejects(deployment({}, { url }), /^data.url: /);
  });

  it('accepts http and https links', () => {
    for (const url of ['http://ci.example.com/1', 'HTTPS://ci.example.com/2']) {
      expect(validateCanonicalEvent(deployment({}, { url })).ok).toBe(true);
    }
  });

  it('bounds links at 2048 characters', () => {
    const url = (n: number) => `https://e.example/${'x'.repeat(n - 18)}`;
    expect(url(2048)).toHaveLength(2048);
    expect(validateCanonicalEvent(deployment({}, { url: url(2048) })).ok).toBe(
      true,
    );
    rejects(deployment({}, { url: url(2049) }), /^data.url: Too big/);
  });

  it('bounds the environment after lower-casing, as the projection stores it', () => {
    // "İ" is one code unit, its lower case two.
    expect(
      validateCanonicalEvent(deployment({}, { environment: 'İ'.repeat(50) }))
        .ok,
    ).toBe(true);
    rejects(
      deployment({}, { environment: 'İ'.repeat(51) }),
      /^data.environment: .*once lower-cased/,
    );
  });

  it.each([
    ['prNumber', 2_147_483_648],
    ['prNumber', 0],
    ['additions', -1],
    ['additions', 2_147_483_648],
    ['deletions', 1.5],
  ])('rejects change.merged %s = %d', (field, value) => {
    rejects(
      {
        ...base,
        type: 'change.merged',
        data: { ...valid['change.merged'], [field]: value },
      },
      new RegExp(`^data.${field}: `),
    );
  });

  it('accepts integers up to the PostgreSQL integer maximum', () => {
    const result = validateCanonicalEvent({
      ...base,
      type: 'change.merged',
      data: {
        ...valid['change.merged'],
        prNumber: 2_147_483_647,
        additions: 2_147_483_647,
        deletions: 0,
      },
    });
    expect(result.ok).toBe(true);
  });

  it('bounds occurredAt below at 2000-01-01 and stores times normalised', () => {
    rejects(
      deployment({ occurredAt: '1999-12-31T23:59:59.999Z' }),
      /^occurredAt: must not be before 2000-01-01T00:00:00Z/,
    );
    rejects(
      deployment({ occurredAt: '2000-01-01T00:30:00+01:00' }),
      /^occurredAt: must not be before/,
    );
    const result = validateCanonicalEvent(
      deployment(
        { occurredAt: '2000-01-01T01:00:00+01:00' },
        { startedAt: '2026-11-02T11:55:00.1234+02:00' },
      ),
    );
    expect(result.ok && result.event.occurredAt).toBe(
      '2000-01-01T00:00:00.000Z',
    );
    expect(result.ok && result.event.data).toMatchObject({
      startedAt: '2026-11-02T09:55:00.123Z',
      finishedAt: '2026-11-02T10:00:00.000Z',
    });
  });

  it.each([
    [
      'deployment.finished',
      { startedAt: '2026-11-02T10:00:01Z', finishedAt: '2026-11-02T10:00:00Z' },
      /^data.finishedAt: must not be before startedAt/,
    ],
    [
      'incident.resolved',
      { openedAt: '2026-11-02T10:00:00Z', resolvedAt: '2026-11-02T09:00:00Z' },
      /^data.resolvedAt: must not be before openedAt/,
    ],
    [
      'change.merged',
      { openedAt: '2026-11-02T10:00:00Z', mergedAt: '2026-11-02T09:59:59Z' },
      /^data.mergedAt: must not be before openedAt/,
    ],
  ])('rejects incoherent times in %s', (type, times, message) => {
    rejects(
      {
        ...base,
        type,
        data: { ...valid[type as keyof typeof valid], ...times },
      },
      message,
    );
  });

  it('compares instants, not text, and accepts equal times', () => {
    const result = validateCanonicalEvent(
      deployment(
        {},
        {
          startedAt: '2026-11-02T12:00:00+02:00',
          finishedAt: '2026-11-02T10:00:00Z',
        },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('accepts a commit time after the merge (committers clocks)', () => {
    const result = validateCanonicalEvent({
      ...base,
      type: 'change.merged',
      data: {
        ...valid['change.merged'],
        commits: [
          { sha: 'abcdef7654321', committedAt: '2026-11-03T00:00:00Z' },
        ],
      },
    });
    expect(result.ok).toBe(true);
  });

  it('bounds arrays', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`);
    const change = (n: number) => ({
      ...base,
      type: 'change.merged',
      data: { ...valid['change.merged'], labels: labels(n) },
    });
    expect(validateCanonicalEvent(change(100)).ok).toBe(true);
    rejects(change(101), /^data.labels: Too big/);
  });

  it.each([
    ['pod.usage', 'namespace', 'n'.repeat(64)],
    ['pod.usage', 'pod', 'p'.repeat(254)],
    ['pod.usage', 'memoryUsageBytes', 2 ** 53],
    ['pod.usage', 'cpuUsageCores', 1_000_001],
    ['canary.run', 'check', 'c'.repeat(201)],
    ['canary.run', 'durationMs', 2_147_483_648],
    ['rollout.updated', 'name', 'r'.repeat(254)],
    ['rollout.updated', 'step', 2_147_483_648],
  ])('bounds %s %s', (type, field, value) => {
    rejects(
      {
        ...base,
        type,
        data: { ...valid[type as keyof typeof valid], [field]: value },
      },
      new RegExp(`^data.${field}: `),
    );
  });
});
