export * from './types';
export { computeCost, DEFAULT_IDLE } from './computeCost';
export {
  DEFAULT_RIGHT_SIZING,
  HOURS_PER_MONTH,
  recommendCpuCores,
  recommendMemoryBytes,
} from './rightSizing';
export { resourceEfficiency } from './totals';
// Building blocks of `computeCost`, for the backend's hourly roll-ups: it runs
// the same functions per cluster-hour so its stored numbers are the model's.
export {
  GIB,
  MIB,
  allocate,
  hourCost,
  nodeHourKey,
  priceIndex,
} from './allocate';
export { computeIdle, shareIdle } from './idle';
export { rightSize } from './rightSizing';
export { efficiencyOf, emptyTotals, keys, rollUp, totalsOf } from './totals';
export { DEFAULT_NODE_PRICES, resolveNodePrice } from './prices';
export type {
  ConfiguredNodePrice,
  NodeHourPrice,
  NodePriceQuery,
  ResolvedNodePrice,
} from './prices';
export {
  configuredNodePriceSchema,
  nodePricesConfigSchema,
  parseNodePricesConfig,
} from './pricesConfig';
