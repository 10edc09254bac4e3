import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { deploymentEvent } from '../__testUtils__/events';
import { createTestRunner } from '../__testUtils__/projections';
import { DatabaseDoraStore } from '../dora/DatabaseDoraStore';
import { createDoraProjection } from '../dora/doraProjection';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { EventIntake } from './EventIntake';
import { requirePostgres } from '../__testUtils__/databases';

jest.setTimeout(120_000);

const databases = requirePostgres(
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
);

/** The longest entity ref the events and DORA tables hold (400). */
const LONG_REF = `component:default/${'n'.repeat(400 - 18)}`;
const WINDOW = {
  from: '2000-01-01T00:00:00.000Z',
  to: '2100-01-01T00:00:00.000Z',
};

const text = (length: number, fill = 'x') => fill.repeat(length);
/** A distinct string of exactly `length` characters. */
const distinct = (length: number, tag: string) =>
  `${tag}${'x'.repeat(length - tag.length)}`;
const INT32_MAX = 2_147_483_647;

/** One event of every type, every bounded field at its maximum. */
function maximalEvents(): CanonicalEventInput[] {
  const envelope = (tag: string) => ({
    id: distinct(200, tag),
    source: text(200, 's'),
    occurredAt: '2026-11-02T10:00:00Z',
    subject: {
      kind: 'namespace' as const,
      name: text(400, 'p'),
      cluster: text(200, 'c'),
    },
    entityRef: text(400, 'e'),
  });
  const sha = text(64, 'a');
  const url = `https://example.com/${text(2048 - 20, 'u')}`;
  return [
    {
      ...envelope('change-'),
      type: 'change.merged',
      data: {
        repository: text(300, 'r'),
        prNumber: INT32_MAX,
        mergeSha: sha,
        commits: Array.from({ length: 10_000 }, () => ({
          sha,
          committedAt: '2026-11-01T09:00:00Z',
        })),
        openedAt: '2026-11-01T08:00:00Z',
        mergedAt: '2026-11-02T09:00:00Z',
        additions: INT32_MAX,
        deletions: INT32_MAX,
        labels: Array.from({ length: 100 }, (_, i) => distinct(255, `l${i}-`)),
        url,
      },
    },
    {
      ...envelope('deployment-'),
      type: 'deployment.finished',
      data: {
        deploymentId: distinct(200, 'd-'),
        // Lower-cased, as the projection stores it, this is 100 code units.
        environment: text(50, 'İ'),
        sha,
        status: 'success',
        startedAt: '2026-11-02T09:00:00Z',
        finishedAt: '2026-11-02T10:00:00Z',
        changeShas: Array.from({ length: 10_000 }, () => sha),
        rollback: true,
        rework: 'hotfix',
        url,
      },
    },
    {
      ...envelope('opened-'),
      type: 'incident.opened',
      data: {
        incidentId: distinct(200, 'i-'),
        severity: text(40, 'S'),
        openedAt: '2026-11-02T11:00:00Z',
        causedByDeploymentId: distinct(200, 'd-'),
        rootCauseSha: sha,
        url,
      },
    },
    {
      ...envelope('resolved-'),
      type: 'incident.resolved',
      data: {
        incidentId: distinct(200, 'i-'),
        severity: text(40, 'S'),
        openedAt: '2026-11-02T11:00:00Z',
        resolvedAt: '2026-11-02T12:00:00Z',
        causedByDeploymentId: distinct(200, 'd-'),
        rootCauseSha: sha,
        url,
      },
    },
    {
      ...envelope('pod-'),
      type: 'pod.usage',
      data: {
        cluster: text(200),
        namespace: text(63),
        pod: text(253),
        podUid: text(63),
        container: text(63),
        node: text(253),
        controller: text(253),
        hourStart: '2026-11-02T09:00:00Z',
        cpuRequestCores: 1_000_000,
        cpuUsageCores: 1_000_000,
        memoryRequestBytes: Number.MAX_SAFE_INTEGER,
        memoryUsageBytes: Number.MAX_SAFE_INTEGER,
        cpuCoreHourPrice: 1_000_000,
        memoryGibHourPrice: 1_000_000,
      },
    },
    {
      ...envelope('canary-'),
      type: 'canary.run',
      data: {
        cluster: text(200),
        check: text(200),
        capability: 'dns',
        outcome: 'fail',
        durationMs: INT32_MAX,
        errors: Array.from({ length: 50 }, () => text(2000, 'E')),
        startedAt: '2026-11-02T09:00:00Z',
      },
    },
    {
      ...envelope('rollout-'),
      type: 'rollout.updated',
      data: {
        cluster: text(200),
        namespace: text(63),
        name: text(253),
        strategy: 'canary',
        step: INT32_MAX,
        desiredWeight: 100,
        actualWeight: 100,
        phase: 'Paused',
        analysis: {
          status: 'Running',
          metrics: Array.from({ length: 50 }, () => ({
            name: text(200),
            value: 1,
            threshold: 1,
            verdict: 'pass',
          })),
        },
      },
    },
  ] as CanonicalEventInput[];
}

type Mutation = [
  type: CanonicalEventInput['type'],
  path: string,
  tooBig: (value: any) => unknown,
];
const longer = (s: string) => `${s}x`;
const oneMore = (a: unknown[]) => [...a, a[0]];

/** One step past each bound: a character, one more item, the next integer. */
const tooBig: Mutation[] = [
  ['change.merged', 'id', longer],
  ['change.merged', 'source', longer],
  ['change.merged', 'subject.name', longer],
  ['change.merged', 'subject.cluster', longer],
  ['change.merged', 'entityRef', longer],
  ['change.merged', 'data.repository', longer],
  ['change.merged', 'data.prNumber', n => n + 1],
  ['change.merged', 'data.mergeSha', longer],
  ['change.merged', 'data.commits', oneMore],
  ['change.merged', 'data.commits.0.sha', longer],
  ['change.merged', 'data.additions', n => n + 1],
  ['change.merged', 'data.deletions', n => n + 1],
  ['change.merged', 'data.labels', oneMore],
  ['change.merged', 'data.labels.0', longer],
  ['change.merged', 'data.url', longer],
  ['deployment.finished', 'data.deploymentId', longer],
  ['deployment.finished', 'data.environment', s => `${s}İ`],
  ['deployment.finished', 'data.environment', () => text(101, 'E')],
  ['deployment.finished', 'data.sha', longer],
  ['deployment.finished', 'data.changeShas', oneMore],
  ['deployment.finished', 'data.changeShas.0', longer],
  ['deployment.finished', 'data.url', longer],
  ['incident.opened', 'data.incidentId', longer],
  ['incident.opened', 'data.severity', longer],
  ['incident.opened', 'data.causedByDeploymentId', longer],
  ['incident.opened', 'data.rootCauseSha', longer],
  ['incident.resolved', 'data.url', longer],
  ['pod.usage', 'data.cluster', longer],
  ['pod.usage', 'data.namespace', longer],
  ['pod.usage', 'data.pod', longer],
  ['pod.usage', 'data.podUid', longer],
  ['pod.usage', 'data.container', longer],
  ['pod.usage', 'data.node', longer],
  ['pod.usage', 'data.controller', longer],
  ['pod.usage', 'data.cpuUsageCores', n => n + 1],
  ['pod.usage', 'data.memoryUsageBytes', n => n + 1],
  ['pod.usage', 'data.memoryGibHourPrice', n => n + 1],
  ['canary.run', 'data.cluster', longer],
  ['canary.run', 'data.check', longer],
  ['canary.run', 'data.durationMs', n => n + 1],
  ['canary.run', 'data.errors', oneMore],
  ['canary.run', 'data.errors.0', longer],
  ['rollout.updated', 'data.cluster', longer],
  ['rollout.updated', 'data.namespace', longer],
  ['rollout.updated', 'data.name', longer],
  ['rollout.updated', 'data.step', n => n + 1],
  ['rollout.updated', 'data.analysis.metrics', oneMore],
  ['rollout.updated', 'data.analysis.metrics.0.name', longer],
];

function mutate(event: CanonicalEventInput, path: string, fn: Mutation[2]) {
  const copy = structuredClone(event) as any;
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k], copy);
  parent[last] = fn(parent[last]);
  return copy;
}

describe.each(databases.eachSupportedId())('EventIntake (%s)', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    const store = await DatabaseEventStore.create({ database });
    const dora = await DatabaseDoraStore.create({ database });
    const runner = await createTestRunner({
      database,
      events: store,
      projections: [createDoraProjection(dora)],
    });
    const storedCounts: number[] = [];
    const intake = new EventIntake({
      store,
      // Every event belongs to the longest entity ref the columns hold.
      linker: {
        link: async targets => targets.map(() => ({ entityRef: LONG_REF })),
      },
      maxBatchSize: 100,
      maxFutureSkewMs: 60 * 60 * 1000,
      now: () => new Date('2026-11-10T00:00:00Z'),
      onStored: count => storedCounts.push(count),
    });
    return { knex, store, dora, runner, intake, storedCounts };
  }

  describe('bounds', () => {
    it('takes an event of every type with every field at its maximum, and projects it without a dead letter', async () => {
      const { intake, runner, dora, store } = await setup();
      const events = maximalEvents();
      const result = await intake.ingest(events);
      expect(result.results.filter(r => r.status !== 'accepted')).toEqual([]);
      expect(result.accepted).toBe(events.length);

      await runner.catchUp();
      expect(await runner.health()).toEqual({
        dora: { cursor: expect.any(Number), lag: 0, deadLetters: 0 },
      });
      const q = { entityRefs: [LONG_REF], ...WINDOW };
      const [deployment] = await dora.listDeployments(q);
      expect(deployment).toMatchObject({
        deploymentId: distinct(200, 'd-'),
        environment: text(50, 'İ').toLowerCase(),
        url: (events[1].data as { url: string }).url,
      });
      expect(deployment.changeShas).toHaveLength(10_000);
      const [change] = await dora.listChanges(q);
      expect(change).toMatchObject({
        repository: text(300, 'r'),
        prNumber: INT32_MAX,
        additions: INT32_MAX,
        deletions: INT32_MAX,
      });
      expect(change.commits).toHaveLength(10_000);
      expect(change.labels).toHaveLength(100);
      const [incident] = await dora.listIncidents(q);
      expect(incident).toMatchObject({
        incidentId: distinct(200, 'i-'),
        severity: text(40, 'S'),
        causedByDeploymentId: distinct(200, 'd-'),
        rootCauseSha: text(64, 'a'),
        resolvedAt: '2026-11-02T12:00:00.000Z',
      });
      const [stored] = await store.list({ limit: 1, types: ['pod.usage'] });
      expect(stored).toMatchObject({
        source: text(200, 's'),
        subject: { name: text(400, 'p'), cluster: text(200, 'c') },
        entityRef: LONG_REF,
      });
    });

    it.each(tooBig)(
      'rejects %s with %s one step past its bound, naming the field',
      async (type, path, fn) => {
        const { intake, store, storedCounts } = await setup();
        const event = maximalEvents().find(e => e.type === type)!;
        const result = await intake.ingest([mutate(event, path, fn)]);
        expect(result).toMatchObject({ accepted: 0, rejected: 1 });
        const [item] = result.results;
        expect(item.status).toBe('rejected');
        expect('error' in item && item.error).toMatch(
          new RegExp(`^${path.replace(/\./g, '\\.')}: `),
        );
        expect((await store.stats()).total).toBe(0);
        expect(storedCounts).toEqual([]);
      },
    );

    it('stores occurredAt and data times normalised to UTC milliseconds', async () => {
      const { intake, store, knex } = await setup();
      await intake.ingest([
        deploymentEvent({
          occurredAt: '2026-11-02T12:05:00+02:00',
          data: {
            startedAt: '2026-11-02T12:00:00.1234+02:00',
            finishedAt: '2026-11-02T10:05:00Z',
          },
        }),
      ]);
      const [listed] = await store.list({ limit: 1 });
      expect(listed.occurredAt).toBe('2026-11-02T10:05:00.000Z');
      expect(listed.data).toMatchObject({
        startedAt: '2026-11-02T10:00:00.123Z',
        finishedAt: '2026-11-02T10:05:00.000Z',
      });
      const row = await knex('events').first('event');
      expect(JSON.parse(row.event).occurredAt).toBe('2026-11-02T10:05:00.000Z');
    });

    it('rejects events before 2000 and incoherent times, storing nothing', async () => {
      const { intake, store } = await setup();
      const result = await intake.ingest([
        deploymentEvent({ id: 'old', occurredAt: '1999-12-31T23:59:59Z' }),
        deploymentEvent({
          id: 'backwards',
          data: {
            startedAt: '2026-11-02T10:06:00Z',
            finishedAt: '2026-11-02T10:05:00Z',
          },
        }),
      ]);
      expect(result.results.map(r => 'error' in r && r.error)).toEqual([
        'occurredAt: must not be before 2000-01-01T00:00:00Z',
        'data.finishedAt: must not be before startedAt (2026-11-02T10:06:00.000Z)',
      ]);
      expect((await store.stats()).total).toBe(0);
    });
  });

  describe('the idempotency key', () => {
    it('rejects control characters in source and id instead of letting two keys collide', async () => {
      const { intake, store } = await setup();
      const result = await intake.ingest([
        deploymentEvent({ source: 's\u0000x', id: 'y' }),
        deploymentEvent({ source: 's', id: 'x\u0000y' }),
        deploymentEvent({ source: 's', id: 'x\u0085y' }),
        deploymentEvent({ source: 's\u007f', id: 'z' }),
      ]);
      expect(
        result.results.map(r => [r.status, 'error' in r && r.error]),
      ).toEqual([
        [
          'rejected',
          expect.stringMatching(
            /^source: must not contain control characters \(U\+0000/,
          ),
        ],
        [
          'rejected',
          expect.stringMatching(
            /^id: must not contain control characters \(U\+0000/,
          ),
        ],
        [
          'rejected',
          expect.stringMatching(
            /^id: must not contain control characters \(U\+0085/,
          ),
        ],
        [
          'rejected',
          expect.stringMatching(
            /^source: must not contain control characters \(U\+007F/,
          ),
        ],
      ]);
      expect((await store.stats()).total).toBe(0);
    });

    it('rejects lone surrogates, which the databases would store as another id', async () => {
      const { intake, store, storedCounts } = await setup();
      const result = await intake.ingest([
        deploymentEvent({ id: 'x\ud800' }),
        deploymentEvent({ id: 'x\udbff' }),
        deploymentEvent({ id: '\udc00' }),
        deploymentEvent({ id: 'rocket-🚀' }),
      ]);
      expect(result.results.map(r => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'accepted',
      ]);
      expect('error' in result.results[0] && result.results[0].error).toMatch(
        /^id: must not contain a lone UTF-16 surrogate \(U\+D800/,
      );
      expect((await store.list({ limit: 10 })).map(e => e.id)).toEqual([
        'rocket-🚀',
      ]);
      // The projection is told about exactly what was inserted.
      expect(storedCounts).toEqual([1]);
      expect(
        (await intake.ingest([deploymentEvent({ id: 'rocket-🚀' })]))
          .duplicates,
      ).toBe(1);
    });

    it('counts inserts from the rows the database returns', async () => {
      const { intake, storedCounts } = await setup();
      await intake.ingest([deploymentEvent({ id: 'a' })]);
      const result = await intake.ingest([
        deploymentEvent({ id: 'a' }),
        deploymentEvent({ id: 'b' }),
        deploymentEvent({ id: 'c' }),
      ]);
      expect(result).toMatchObject({
        accepted: 2,
        duplicates: 1,
        conflicts: 0,
      });
      expect(storedCounts).toEqual([1, 2]);
    });
  });

  describe('same key, different payload', () => {
    const failed = () => deploymentEvent({ data: { status: 'failure' } });

    it('reports a resend with other canonical content as a conflict and keeps the first version', async () => {
      const { intake, store, storedCounts } = await setup();
      expect((await intake.ingest([deploymentEvent()])).accepted).toBe(1);
      const result = await intake.ingest([failed()]);
      expect(result).toMatchObject({
        accepted: 0,
        duplicates: 0,
        conflicts: 1,
        rejected: 0,
        results: [
          {
            index: 0,
            source: 'test-deployer',
            id: 'deploy-1',
            status: 'conflict',
            error: expect.stringContaining('data.status differs'),
          },
        ],
      });
      const stored = await store.list({ limit: 10 });
      expect(stored).toHaveLength(1);
      expect(stored[0].data).toMatchObject({ status: 'success' });
      expect(storedCounts).toEqual([1]);
    });

    it('compares canonical content, not bytes: key order, offsets and defaults do not matter', async () => {
      const { intake } = await setup();
      await intake.ingest([deploymentEvent()]);
      const original = deploymentEvent() as any;
      const reordered = {
        data: {
          rollback: false,
          finishedAt: '2026-11-02T12:05:00+02:00',
          changeShas: [],
          startedAt: '2026-11-02T10:00:00.000Z',
          status: 'success',
          sha: original.data.sha,
          environment: 'production',
          deploymentId: 'deploy-1',
        },
        subject: { name: 'acme/payments-api', kind: 'repository' },
        type: 'deployment.finished',
        occurredAt: '2026-11-02T11:05:00+01:00',
        source: 'test-deployer',
        id: ' deploy-1 ',
      };
      const result = await intake.ingest([reordered]);
      expect(result).toMatchObject({ duplicates: 1, conflicts: 0 });
    });

    it('reports a repeat inside one batch the same way: duplicate when equal, conflict when not', async () => {
      const { intake, store } = await setup();
      const result = await intake.ingest([
        deploymentEvent(),
        deploymentEvent(),
        failed(),
      ]);
      expect(result.results.map(r => r.status)).toEqual([
        'accepted',
        'duplicate',
        'conflict',
      ]);
      expect(result).toMatchObject({
        accepted: 1,
        duplicates: 1,
        conflicts: 1,
      });
      const [stored] = await store.list({ limit: 10 });
      expect(stored.data).toMatchObject({ status: 'success' });
    });

    it('matches an event stored before times were normalised to its resend', async () => {
      const { intake, store } = await setup();
      // As an older version stored it: occurredAt as the producer wrote it.
      const legacy = deploymentEvent({
        occurredAt: '2026-11-02T12:05:00+02:00',
      }) as any;
      await store.append([
        {
          event: { ...legacy, data: { ...legacy.data, rollback: false } },
          receivedAt: '2026-11-10T00:00:00.000Z',
          entityRef: LONG_REF,
          linkReason: null,
        },
      ]);
      const result = await intake.ingest([legacy]);
      expect(result).toMatchObject({ duplicates: 1, conflicts: 0 });
      const changed = await intake.ingest([
        { ...legacy, data: { ...legacy.data, environment: 'staging' } },
      ]);
      expect(changed).toMatchObject({ conflicts: 1 });
    });

    it('stores exactly one copy when the same event arrives 50 times in parallel, and calls the rest duplicates or conflicts', async () => {
      const { intake, store } = await setup();
      const same = await Promise.all(
        Array.from({ length: 50 }, () => intake.ingest([deploymentEvent()])),
      );
      expect(same.map(r => r.accepted).reduce((a, b) => a + b)).toBe(1);
      expect(same.map(r => r.duplicates).reduce((a, b) => a + b)).toBe(49);

      const mixed = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          intake.ingest([
            deploymentEvent({
              id: 'deploy-2',
              data: { deploymentId: 'deploy-2', environment: `env-${i % 2}` },
            }),
          ]),
        ),
      );
      const statuses = mixed.map(r => r.results[0].status);
      expect(statuses.filter(s => s === 'accepted')).toHaveLength(1);
      expect(statuses.filter(s => s === 'conflict')).toHaveLength(25);
      expect(statuses.filter(s => s === 'duplicate')).toHaveLength(24);
      expect((await store.stats()).total).toBe(2);
    });
  });
});
