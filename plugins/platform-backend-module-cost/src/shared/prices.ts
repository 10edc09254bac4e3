import { NodeHourPrice } from '@goldenpath/plugin-platform-common';

/** What a node's price is looked up by. */
export interface NodePriceKey {
  cluster: string;
  node: string;
  instanceType: string;
  capacityType: 'on-demand' | 'spot';
}

/**
 * Node prices as the pollers need them: `configured` is the price of a
 * `platform.cost.prices` entry matching the node (undefined when none does),
 * `fallback` that price or else the default table's.
 */
export interface NodePriceBook {
  configured(key: NodePriceKey): NodeHourPrice | undefined;
  fallback(key: NodePriceKey): NodeHourPrice;
}
