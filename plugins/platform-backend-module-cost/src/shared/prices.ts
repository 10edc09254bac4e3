/** A node's prices for an hour. */
export interface NodePrices {
  cpuCoreHourPrice: number;
  memoryGibHourPrice: number;
}

/** What a price is looked up by. */
export interface NodePriceKey {
  cluster: string;
  node: string;
  instanceType: string;
  capacityType: 'on-demand' | 'spot';
}

/**
 * Prices for a node: `configured` when `platform.cost.prices` names its
 * instance type (or cluster) and capacity type, else undefined; `fallback`
 * the configured or default-table price for any node.
 */
export interface NodePriceBook {
  configured(key: NodePriceKey): NodePrices | undefined;
  fallback(key: NodePriceKey): NodePrices;
}
