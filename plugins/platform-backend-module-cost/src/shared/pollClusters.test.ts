import { HOUR_MS } from '@goldenpath/plugin-platform-common';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { cluster, pollOnce, settingsFor } from '../__testUtils__/harness';
import { nodeCostEvent } from './nodeCost';
import { ReadClusterHours } from './pollClusters';

/** A source that reads nothing but records the windows it was asked for. */
function recordingReader() {
  const asked: Array<[string, string, string]> = [];
  const read: ReadClusterHours = async options => {
    asked.push([
      options.cluster.name,
      new Date(options.window.fromMs).toISOString(),
      new Date(options.window.toMs).toISOString(),
    ]);
    return { events: [], skipped: {} };
  };
  return { asked, read };
}

async function storeHour(
  intake: InMemoryIntake,
  source: string,
  clusterName: string,
  hourStart: string,
) {
  await intake.ingest([
    nodeCostEvent(source, {
      cluster: clusterName,
      node: 'n1',
      instanceType: 'm5.xlarge',
      capacityType: 'on-demand',
      cpuCores: 4,
      memoryBytes: 2 ** 34,
      cpuCoreHourPrice: 0.03,
      memoryGibHourPrice: 0.004,
      hourStartMs: Date.parse(hourStart),
    }),
  ]);
}

describe('pollClusters', () => {
  const now = new Date('2026-11-02T12:15:00Z');

  it('resumes each cluster after its latest stored hour, in chunks of six hours', async () => {
    const intake = new InMemoryIntake(100);
    await storeHour(
      intake,
      'opencost/prod-eu',
      'prod-eu',
      '2026-11-01T23:00:00Z',
    );
    const { asked, read } = recordingReader();
    await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor(
        [cluster('prod-eu', 'http://x'), cluster('staging', 'http://y')],
        { lookbackHours: 3, maxCatchUpHours: 8 },
      ),
      read,
      intake,
      now,
    });
    expect(asked).toEqual([
      // stored up to 00:00 (the end of 23:00), but at most 8 hours back
      ['prod-eu', '2026-11-02T04:00:00.000Z', '2026-11-02T10:00:00.000Z'],
      ['prod-eu', '2026-11-02T10:00:00.000Z', '2026-11-02T12:00:00.000Z'],
      // nothing stored: the first run reads maxCatchUpHours
      ['staging', '2026-11-02T04:00:00.000Z', '2026-11-02T10:00:00.000Z'],
      ['staging', '2026-11-02T10:00:00.000Z', '2026-11-02T12:00:00.000Z'],
    ]);
  });

  it('reads only the lookback when another cluster name extends this one (the intake matches by prefix)', async () => {
    const intake = new InMemoryIntake(100);
    await storeHour(
      intake,
      'opencost/prod-eu',
      'prod-eu',
      '2026-11-02T11:00:00Z',
    );
    const { asked, read } = recordingReader();
    await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor(
        [cluster('prod', 'http://x'), cluster('prod-eu', 'http://y')],
        { lookbackHours: 2, maxCatchUpHours: 24 },
      ),
      read,
      intake,
      now,
    });
    expect(asked).toEqual([
      ['prod', '2026-11-02T10:00:00.000Z', '2026-11-02T12:00:00.000Z'],
      ['prod-eu', '2026-11-02T10:00:00.000Z', '2026-11-02T12:00:00.000Z'],
    ]);
  });

  it('counts and logs events the intake rejects, and keeps going', async () => {
    const read: ReadClusterHours = async ({ source, window }) => ({
      events: [
        nodeCostEvent(source, {
          cluster: 'prod-eu',
          node: 'n1',
          instanceType: 'm5.xlarge',
          capacityType: 'on-demand',
          cpuCores: 4,
          memoryBytes: 2 ** 34,
          cpuCoreHourPrice: 0.03,
          memoryGibHourPrice: 0.004,
          hourStartMs: window.fromMs,
        }),
        // a price over the contract's bound: rejected by the intake
        nodeCostEvent(source, {
          cluster: 'prod-eu',
          node: 'n2',
          instanceType: 'm5.xlarge',
          capacityType: 'on-demand',
          cpuCores: 4,
          memoryBytes: 2 ** 34,
          cpuCoreHourPrice: 1e9,
          memoryGibHourPrice: 0.004,
          hourStartMs: window.fromMs + HOUR_MS,
        }),
      ],
      skipped: {},
    });
    const { reports, logger } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', 'http://x')]),
      read,
      now,
    });
    expect(reports[0].summary).toEqual({
      sent: 2,
      accepted: 1,
      duplicates: 0,
      conflicts: 0,
      rejected: 1,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^The intake rejected node\.cost opencost\/prod-eu\/prod-eu\/n2\/2026-11-02T11: .*cpuCoreHourPrice/,
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '2 events sent (1 new, 0 duplicates, 0 conflicts kept as first stored, 1 rejected)',
      ),
    );
  });
});

describe('pollClusters when the task is aborted', () => {
  it('stops before the next cluster', async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const read: ReadClusterHours = async options => {
      asked.push(options.cluster.name);
      controller.abort(); // e.g. the task's timeout, while the first cluster runs
      return { events: [], skipped: {} };
    };
    const { reports, logger } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([
        cluster('a', 'http://x'),
        cluster('b', 'http://y'),
      ]),
      read,
      signal: controller.signal,
    });
    expect(asked).toEqual(['a']);
    expect(reports.map(r => r.cluster)).toEqual(['a']);
    expect(logger.warn).toHaveBeenCalledWith(
      'opencost: run stopped before cluster b (task aborted)',
    );
  });
});
