import { InMemoryIntake } from './InMemoryIntake';

const merged = (id: string, source: string, occurredAt: string) => ({
  id,
  source,
  type: 'change.merged',
  occurredAt,
  subject: { kind: 'repository', name: 'acme/payments-api' },
  data: {
    repository: 'acme/payments-api',
    prNumber: 12,
    mergeSha: 'abcdef1234567',
    commits: [{ sha: 'abcdef7654321', committedAt: '2026-11-01T09:00:00Z' }],
    openedAt: '2026-11-01T08:00:00Z',
    mergedAt: occurredAt,
  },
});

describe('InMemoryIntake', () => {
  it('accepts valid events once per (source, id) and rejects invalid ones', async () => {
    const intake = new InMemoryIntake(10);
    const first = merged('e1', 'ci', '2026-11-02T10:00:00Z');
    const response = await intake.ingest([
      first,
      { ...first, occurredAt: '2026-11-03T10:00:00Z' },
      merged('e1', 'other', '2026-11-02T10:00:00Z'),
      { id: 'broken' },
    ]);
    expect(response).toMatchObject({
      accepted: 2,
      duplicates: 1,
      conflicts: 0,
      rejected: 1,
    });
    expect(response.results.map(r => r.status)).toEqual([
      'accepted',
      'duplicate',
      'accepted',
      'rejected',
    ]);
    expect(intake.events.size).toBe(2);
    expect(intake.batchSizes).toEqual([4]);
  });

  it('refuses a batch over maxBatchSize without keeping any of it', async () => {
    const intake = new InMemoryIntake(1);
    await expect(
      intake.ingest([
        merged('e1', 'ci', '2026-11-02T10:00:00Z'),
        merged('e2', 'ci', '2026-11-02T11:00:00Z'),
      ]),
    ).rejects.toThrow('batch of 2 exceeds maxBatchSize 1');
    expect(intake.events.size).toBe(0);
    expect(intake.batchSizes).toEqual([]);
  });

  it('answers the latest occurredAt of sources under a prefix', async () => {
    const intake = new InMemoryIntake(10);
    expect(await intake.latestOccurredAt('ci')).toBeNull();
    await intake.ingest([
      merged('e1', 'ci-eu', '2026-11-02T10:00:00+02:00'),
      merged('e2', 'ci-us', '2026-11-02T09:00:00Z'),
      merged('e3', 'other', '2026-11-05T09:00:00Z'),
    ]);
    expect(await intake.latestOccurredAt('ci')).toBe(
      '2026-11-02T09:00:00.000Z',
    );
  });
});
