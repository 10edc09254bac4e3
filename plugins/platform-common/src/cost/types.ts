/**
 * Cost: the hourly rows the backend projects (container samples, node prices),
 * the options, and the shapes `computeCost` returns. Definitions:
 * docs/cost-model.md.
 */

/** @public */
export type CostCapacityType = 'on-demand' | 'spot';

/** The workload that owns a pod (Deployment, StatefulSet, Job, ...). @public */
export interface CostController {
  kind: string;
  name: string;
}

/** One container during one hour (a `pod.usage` event). @public */
export interface CostContainerSample {
  cluster: string;
  namespace: string;
  controller: CostController;
  pod: string;
  podUid: string;
  container: string;
  /** The node the pod ran on that hour. */
  node: string;
  /** Start of the UTC hour, ISO. */
  hourStart: string;
  /** Average over the hour; 0 when the container sets no request. */
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestBytes: number;
  memoryUsageBytes: number;
}

/** One node during one hour, with its prices (a `node.cost` event). @public */
export interface CostNodePrice {
  cluster: string;
  node: string;
  instanceType: string;
  capacityType: CostCapacityType;
  cpuCores: number;
  memoryBytes: number;
  pricePerCoreHour: number;
  pricePerGiBHour: number;
  hourStart: string;
}

/** @public */
export interface CostInput {
  samples: CostContainerSample[];
  nodes: CostNodePrice[];
}

/** Idle is computed per cluster (default) or per node. @public */
export type CostIdleScope = 'cluster' | 'node';

/** @public */
export interface CostIdleOptions {
  /** Share idle back to containers in proportion to their cost. Default false. */
  share: boolean;
  /** Default `cluster`. */
  by: CostIdleScope;
}

/** @public */
export interface CostRightSizingOptions {
  /** Quantile of the hourly usage, default 0.95. */
  percentile: number;
  /** Added on top of the quantile, default 0.2 (20 %). */
  headroom: number;
  /** Smallest CPU request recommended, default 10. */
  cpuFloorMillicores: number;
  /** Smallest memory request recommended, default 20 MiB. */
  memoryFloorBytes: number;
}

/** @public */
export interface CostOptions {
  /** `[from, to)`, ISO timestamps; whole hours expected. */
  window: { from: string; to: string };
  idle?: Partial<CostIdleOptions>;
  rightSizing?: Partial<CostRightSizingOptions>;
}

/** One container-hour with what it is billed. @public */
export interface CostAllocation extends CostContainerSample {
  /** max(request, usage). */
  cpuBilledCores: number;
  memoryBilledBytes: number;
  cpuCost: number;
  memoryCost: number;
  cost: number;
  /** No node price for this node and hour: cost 0, counted in `inputs`. */
  missingPrice: boolean;
  capacityType?: CostCapacityType;
  instanceType?: string;
  /** Share of idle, 0 unless idle sharing is on. */
  sharedIdleCpuCost: number;
  sharedIdleMemoryCost: number;
}

/** Σ usage ÷ Σ request per resource; `total` weighted by cost. @public */
export interface CostEfficiency {
  cpu: number;
  memory: number;
  total: number;
}

/** Sums over a set of container-hours. @public */
export interface CostTotals {
  containerHours: number;
  missingPriceHours: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  cpuBilledCoreHours: number;
  memoryRequestByteHours: number;
  memoryUsageByteHours: number;
  memoryBilledByteHours: number;
  cpuCost: number;
  memoryCost: number;
  cost: number;
  sharedIdleCpuCost: number;
  sharedIdleMemoryCost: number;
  /** cost + shared idle. */
  costWithIdle: number;
  efficiency: CostEfficiency;
}

/** @public */
export interface CostNamespaceRollup extends CostTotals {
  cluster: string;
  namespace: string;
}

/** @public */
export interface CostControllerRollup extends CostNamespaceRollup {
  controller: CostController;
}

/** A container spec: controller + container name, all its pods pooled. @public */
export interface CostContainerRollup extends CostControllerRollup {
  container: string;
}

/** @public */
export interface CostPodRollup extends CostControllerRollup {
  pod: string;
  podUid: string;
}

/** Node cost against allocated cost for a cluster (or one node). @public */
export interface CostIdle {
  cluster: string;
  /** Set when idle is computed per node. */
  node?: string;
  nodeHours: number;
  cpuCapacityCost: number;
  memoryCapacityCost: number;
  cpuAllocatedCost: number;
  memoryAllocatedCost: number;
  /** Σ over hours of max(0, capacity − allocated). */
  cpuIdleCost: number;
  memoryIdleCost: number;
  idleCost: number;
  /** Σ over hours of max(0, allocated − capacity): reported, never subtracted. */
  cpuOverAllocatedCost: number;
  memoryOverAllocatedCost: number;
  /** Idle handed to containers (0 unless sharing is on). */
  cpuSharedCost: number;
  memorySharedCost: number;
}

/** One resource of a right-sizing recommendation. @public */
export interface CostResourceRecommendation {
  /** The request of the latest sample (cores or bytes). */
  currentRequest: number;
  /** The quantile of the pooled hourly usage (cores or bytes). */
  usageQuantile: number;
  /** max(floor, quantile × (1 + headroom)), rounded up (cores or bytes). */
  recommendedRequest: number;
  /** Cost of the window's hours as they were billed. */
  currentCost: number;
  /** Cost of the same hours with the recommended request. */
  recommendedCost: number;
  /** `recommendedRequest > currentRequest`. */
  underProvisioned: boolean;
}

/** @public */
export interface CostRecommendation {
  cluster: string;
  namespace: string;
  controller: CostController;
  container: string;
  samples: number;
  cpu: CostResourceRecommendation;
  memory: CostResourceRecommendation;
  /** Σ current − recommended cost over the resources not under-provisioned. */
  savings: number;
  monthlySavings: number;
  /** Σ recommended − current cost over the under-provisioned resources. */
  riskCost: number;
  monthlyRiskCost: number;
}

/** @public */
export interface CostRightSizing {
  /** Specs with savings, largest first. */
  savings: CostRecommendation[];
  /** Specs with an under-provisioned resource, largest risk cost first. */
  risks: CostRecommendation[];
  totalSavings: number;
  totalMonthlySavings: number;
  totalRiskCost: number;
  totalMonthlyRiskCost: number;
}

/** What the numbers were computed from, for the explanation popovers. @public */
export interface CostInputCounts {
  samples: number;
  samplesInWindow: number;
  missingPriceSamples: number;
  nodeHours: number;
  windowHours: number;
}

/** @public */
export interface CostComputation {
  window: { from: string; to: string; hours: number };
  allocations: CostAllocation[];
  containers: CostContainerRollup[];
  pods: CostPodRollup[];
  controllers: CostControllerRollup[];
  namespaces: CostNamespaceRollup[];
  total: CostTotals;
  idle: CostIdle[];
  idleTotal: { cpuIdleCost: number; memoryIdleCost: number; idleCost: number };
  rightSizing: CostRightSizing;
  inputs: CostInputCounts;
}
