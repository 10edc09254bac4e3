import type { CostContainerSample, CostNodePrice, CostOptions } from './types';

export const GiB = 2 ** 30;
export const MiB = 2 ** 20;

const START_MS = Date.parse('2026-11-02T00:00:00Z');

/** The ISO start of hour `n` after 2026-11-02T00:00Z. */
export function hour(n: number): string {
  return new Date(START_MS + n * 3_600_000).toISOString();
}

/** A window of `hours` hours from hour 0. */
export function options(
  windowHours: number,
  extra: Partial<CostOptions> = {},
): CostOptions {
  return { window: { from: hour(0), to: hour(windowHours) }, ...extra };
}

/** On-demand: 0.04 per core-hour, 0.005 per GiB-hour; 4 cores, 16 GiB. */
export function onDemandNode(
  node: string,
  h: number,
  overrides: Partial<CostNodePrice> = {},
): CostNodePrice {
  return {
    cluster: 'prod-eu',
    node,
    instanceType: 'm6i.xlarge',
    capacityType: 'on-demand',
    cpuCores: 4,
    memoryBytes: 16 * GiB,
    pricePerCoreHour: 0.04,
    pricePerGiBHour: 0.005,
    hourStart: hour(h),
    ...overrides,
  };
}

/** Spot: 0.01 per core-hour, 0.002 per GiB-hour; 2 cores, 8 GiB. */
export function spotNode(
  node: string,
  h: number,
  overrides: Partial<CostNodePrice> = {},
): CostNodePrice {
  return onDemandNode(node, h, {
    instanceType: 'm6i.large',
    capacityType: 'spot',
    cpuCores: 2,
    memoryBytes: 8 * GiB,
    pricePerCoreHour: 0.01,
    pricePerGiBHour: 0.002,
    ...overrides,
  });
}

/** Hours `from` … `to − 1`. */
export function hours(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** One container-hour of Deployment `checkout`, container `app`, pod `checkout-a`. */
export function sample(
  h: number,
  overrides: Partial<CostContainerSample> = {},
): CostContainerSample {
  return {
    cluster: 'prod-eu',
    namespace: 'shop',
    controller: { kind: 'Deployment', name: 'checkout' },
    pod: 'checkout-a',
    podUid: 'uid-a',
    container: 'app',
    node: 'od-1',
    hourStart: hour(h),
    cpuRequestCores: 0.5,
    cpuUsageCores: 0.25,
    memoryRequestBytes: 1 * GiB,
    memoryUsageBytes: 0.5 * GiB,
    ...overrides,
  };
}
