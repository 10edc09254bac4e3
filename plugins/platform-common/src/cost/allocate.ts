import type {
  CostAllocation,
  CostContainerSample,
  CostNodePrice,
} from './types';

/** 2^30 bytes: prices are per GiB-hour. */
export const GIB = 2 ** 30;
/** 2^20 bytes. */
export const MIB = 2 ** 20;

export function nodeHourKey(cluster: string, node: string, hourMs: number) {
  return `${cluster}\u0000${node}\u0000${hourMs}`;
}

/** One price per node-hour; when a node-hour repeats, the last row counts. */
export function priceIndex(nodes: CostNodePrice[]): Map<string, CostNodePrice> {
  const index = new Map<string, CostNodePrice>();
  for (const row of nodes) {
    index.set(
      nodeHourKey(row.cluster, row.node, Date.parse(row.hourStart)),
      row,
    );
  }
  return index;
}

/** Cost of `cores` CPU and `bytes` memory for one hour at a node's prices. */
export function hourCost(
  price: CostNodePrice | undefined,
  cores: number,
  bytes: number,
): { cpuCost: number; memoryCost: number } {
  if (!price) {
    return { cpuCost: 0, memoryCost: 0 };
  }
  return {
    cpuCost: cores * price.pricePerCoreHour,
    memoryCost: (bytes / GIB) * price.pricePerGiBHour,
  };
}

/**
 * Bills one container-hour the OpenCost way: max(request, usage) per resource,
 * at the price of the node the pod ran on that hour. A sample whose node-hour
 * has no price costs 0 and is flagged, so it is counted rather than guessed.
 */
export function allocate(
  sample: CostContainerSample,
  prices: Map<string, CostNodePrice>,
): CostAllocation {
  const price = prices.get(
    nodeHourKey(sample.cluster, sample.node, Date.parse(sample.hourStart)),
  );
  const cpuBilledCores = Math.max(sample.cpuRequestCores, sample.cpuUsageCores);
  const memoryBilledBytes = Math.max(
    sample.memoryRequestBytes,
    sample.memoryUsageBytes,
  );
  const { cpuCost, memoryCost } = hourCost(
    price,
    cpuBilledCores,
    memoryBilledBytes,
  );
  return {
    ...sample,
    cpuBilledCores,
    memoryBilledBytes,
    cpuCost,
    memoryCost,
    cost: cpuCost + memoryCost,
    missingPrice: !price,
    capacityType: price?.capacityType,
    instanceType: price?.instanceType,
    sharedIdleCpuCost: 0,
    sharedIdleMemoryCost: 0,
  };
}
