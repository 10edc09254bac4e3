import { mockServices } from '@backstage/backend-test-utils';
import { CanonicalEvent } from '@goldenpath/plugin-platform-common';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import {
  CostSourceCluster,
  CostSourceSettings,
  DEFAULT_SCHEDULE,
} from '../config';
import { ReadClusterHours, pollClusters } from '../shared/pollClusters';
import { NodeHourPrice } from '@goldenpath/plugin-platform-common';
import { NodePriceBook } from '../shared/prices';

export const MIB = 2 ** 20;
export const GIB = 2 ** 30;
/** The nodes of the recorded fixtures: OpenCost's and Prometheus's are of one cluster. */
export const N1 = 'ip-10-0-1-23.eu-west-1.compute.internal';
export const N2 = 'ip-10-0-2-7.eu-west-1.compute.internal';

/** 12:15 UTC: the hours 10:00 and 11:00 are finished and settled. */
export const NOW = new Date('2026-11-02T12:15:00Z');

export function settingsFor(
  clusters: CostSourceCluster[],
  overrides: Partial<CostSourceSettings> = {},
): CostSourceSettings {
  return {
    clusters,
    schedule: DEFAULT_SCHEDULE,
    lookbackHours: 2,
    maxCatchUpHours: 2,
    requestTimeoutMs: 2_000,
    ...overrides,
  };
}

export function cluster(
  name: string,
  baseUrl: string,
  extra: Partial<CostSourceCluster> = {},
): CostSourceCluster {
  return { name, baseUrl, headers: {}, ...extra };
}

/** A price book that knows only what a test gives it. */
export function priceBook(options: {
  configured?: Record<string, NodeHourPrice>;
  fallback?: NodeHourPrice;
}): NodePriceBook {
  return {
    configured: key => options.configured?.[key.instanceType],
    fallback: key =>
      options.configured?.[key.instanceType] ??
      options.fallback ?? { cpuCoreHourPrice: 0.03, memoryGibHourPrice: 0.004 },
  };
}

/** One run of a poller against an in-memory intake, with a mock logger. */
export async function pollOnce(options: {
  sourceName: string;
  settings: CostSourceSettings;
  read: ReadClusterHours;
  intake?: InMemoryIntake;
  now?: Date;
  signal?: AbortSignal;
}) {
  const intake = options.intake ?? new InMemoryIntake(1000);
  const logger = mockServices.logger.mock();
  const reports = await pollClusters({
    sourceName: options.sourceName,
    settings: options.settings,
    intake,
    logger,
    read: options.read,
    now: () => options.now ?? NOW,
    signal: options.signal,
  });
  return { intake, logger, reports };
}

/** The stored events of a type, ordered by id, as the intake normalised them. */
export function storedEvents(
  intake: InMemoryIntake,
  type: CanonicalEvent['type'],
): CanonicalEvent[] {
  return [...intake.events.values()]
    .filter(e => e.type === type)
    .sort((a, b) => a.id.localeCompare(b.id));
}
