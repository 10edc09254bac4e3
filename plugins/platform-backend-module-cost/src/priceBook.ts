import { Config } from '@backstage/config';
import {
  NodeHourPrice,
  ResolvedNodePrice,
  parseNodePricesConfig,
  resolveNodePrice,
} from '@goldenpath/plugin-platform-common';
import { NodePriceBook } from './shared/prices';

function price(resolved: ResolvedNodePrice): NodeHourPrice {
  return {
    cpuCoreHourPrice: resolved.cpuCoreHourPrice,
    memoryGibHourPrice: resolved.memoryGibHourPrice,
  };
}

/**
 * The price book of `platform.cost.prices` (platform-common's parser and
 * resolver, so the pollers price a node as the cost feature does). Throws at
 * startup for an invalid entry, naming it.
 */
export function priceBookFromConfig(config: Config): NodePriceBook {
  const entries = parseNodePricesConfig(
    config.getOptional('platform.cost.prices'),
  );
  return {
    configured(key) {
      const resolved = resolveNodePrice(key, entries);
      return resolved.source === 'config' ? price(resolved) : undefined;
    },
    fallback: key => price(resolveNodePrice(key, entries)),
  };
}
