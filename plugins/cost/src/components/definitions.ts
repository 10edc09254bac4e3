/**
 * What each number means, shown in the tiles' info popovers: short versions
 * of docs/cost-model.md. Keep the two in step.
 */

/** @public */
export const COST_DEFINITION =
  'Each container and hour is billed max(request, usage) CPU cores and memory bytes, times the price of the node its pod ran on that hour; cost = CPU cost + memory cost, summed over the container-hours of the window. A pod costs only the hours it ran; a replaced pod is its own allocation on its own node. Idle capacity is not included.';

/** @public */
export const CPU_COST_DEFINITION =
  'Σ over container-hours of billed CPU (max of request and usage, in cores) × the node’s price per core-hour.';

/** @public */
export const MEMORY_COST_DEFINITION =
  'Σ over container-hours of billed memory (max of request and usage, in GiB) × the node’s price per GiB-hour.';

/** @public */
export const EFFICIENCY_DEFINITION =
  'Per resource: Σ usage ÷ Σ request over the window (time-weighted, never a mean of ratios). A request of 0 counts as 100 % when there is usage and cost, 0 % without usage. Above 100 % means usage exceeded the request. Total = the cost-weighted mean of CPU and memory efficiency.';

/** @public */
export const SHARED_IDLE_DEFINITION =
  'Idle = node cost − allocated cost, per resource, per cluster (or per node), hour by hour. With idle sharing on, each service receives the idle in proportion to its CPU cost and memory cost respectively; cost with idle = cost + shared idle.';

/** @public */
export const SAVINGS_DEFINITION =
  'Per container spec (controller + container name, all its pods pooled): recommended request = max(floor, p95 of the hourly usage × (1 + headroom)), CPU rounded up to a whole millicore, memory to a whole MiB. Savings = current cost − the cost of the same hours billed max(recommended, usage). Monthly = window figure × 730 h ÷ window hours. Resources at risk are never netted against savings.';

/** @public */
export const RISK_DEFINITION =
  'A resource whose recommended request is above its current request is under-provisioned: its usage bursts above what it asks for, so it may be throttled or evicted. Risk = what the recommended request would cost more, listed apart from savings. A container without a CPU request is always a CPU risk.';

/** @public */
export const CLUSTER_COST_DEFINITION =
  'Node cost: Σ over node-hours of CPU cores × price per core-hour + memory GiB × price per GiB-hour. Allocated = the cost of the container-hours that ran on the nodes; idle = max(0, node cost − allocated) per hour and resource; allocation above capacity is reported as over-allocated and never offsets idle.';
