import { CostCapacityType } from './types';

/**
 * Node prices: a default table used when nothing is configured, and the
 * resolver every price source shares (the cost feature, the Prometheus
 * poller, the demo). Definitions and sources: docs/cost-model.md, "Prices".
 */

/** A node's price per core-hour and per GiB-hour (2^30 bytes). @public */
export interface NodeHourPrice {
  cpuCoreHourPrice: number;
  memoryGibHourPrice: number;
}

/**
 * One `platform.cost.prices` entry. `instanceType` is an exact instance type
 * (`m6i.large`) or a prefix ending in `*` (`m6i.*`, `*` for every node);
 * without `capacityType` the entry prices on-demand and spot nodes alike.
 *
 * @public
 */
export interface ConfiguredNodePrice extends NodeHourPrice {
  instanceType: string;
  capacityType?: CostCapacityType;
}

/** The node a price is wanted for. @public */
export interface NodePriceQuery {
  /** Empty or unknown types get the generic default. */
  instanceType?: string;
  capacityType: CostCapacityType;
}

/** A resolved price and where it came from. @public */
export interface ResolvedNodePrice extends NodeHourPrice {
  source: 'config' | 'default';
  /** The config entry (`m6i.*, spot`) or default row (`aws-general-purpose, spot`) used. */
  rule: string;
}

/** A row of the default table: a reference instance's list price, split into CPU and memory. */
interface DefaultFamily {
  rule: string;
  pattern: RegExp;
  /** The instance whose on-demand hourly price the row is derived from. */
  reference: {
    instanceType: string;
    hourly: number;
    cores: number;
    gib: number;
  };
}

/**
 * The generic default: OpenCost's default prices (GCP N1/N2 list prices per
 * vCPU-hour and GiB-hour), also the CPU:memory price ratio every row uses.
 */
const GENERIC: NodeHourPrice = {
  cpuCoreHourPrice: 0.031611,
  memoryGibHourPrice: 0.004237,
};
const CPU_TO_MEMORY = GENERIC.cpuCoreHourPrice / GENERIC.memoryGibHourPrice;

/**
 * Reference list prices, approximate (USD, Linux, on-demand, us-east-1 / us-central1 /
 * East US, late 2024). GCP N1/N2 are the generic row. Order matters: the first
 * pattern that matches wins.
 */
const FAMILIES: DefaultFamily[] = [
  {
    rule: 'aws-graviton',
    pattern: /^[cmrt]\d+g[a-z-]*\./,
    reference: { instanceType: 'm6g.large', hourly: 0.077, cores: 2, gib: 8 },
  },
  {
    rule: 'aws-burstable',
    pattern: /^t\d+[a-z-]*\./,
    reference: { instanceType: 't3.medium', hourly: 0.0416, cores: 2, gib: 4 },
  },
  {
    rule: 'aws-compute-optimised',
    pattern: /^c\d+[a-z-]*\./,
    reference: { instanceType: 'c6i.large', hourly: 0.085, cores: 2, gib: 4 },
  },
  {
    rule: 'aws-general-purpose',
    pattern: /^m\d+[a-z-]*\./,
    reference: { instanceType: 'm6i.large', hourly: 0.096, cores: 2, gib: 8 },
  },
  {
    rule: 'aws-memory-optimised',
    pattern: /^r\d+[a-z-]*\./,
    reference: { instanceType: 'r6i.large', hourly: 0.126, cores: 2, gib: 16 },
  },
  {
    rule: 'gcp-e2',
    pattern: /^e2-/,
    reference: {
      instanceType: 'e2-standard-2',
      hourly: 0.067006,
      cores: 2,
      gib: 8,
    },
  },
  {
    rule: 'azure-general-purpose',
    pattern: /^standard_d\d/i,
    reference: {
      instanceType: 'Standard_D2s_v5',
      hourly: 0.096,
      cores: 2,
      gib: 8,
    },
  },
  {
    rule: 'azure-memory-optimised',
    pattern: /^standard_e\d/i,
    reference: {
      instanceType: 'Standard_E2s_v5',
      hourly: 0.126,
      cores: 2,
      gib: 16,
    },
  },
];

/** Spot (and preemptible) nodes cost this share less than on-demand by default. */
const SPOT_DISCOUNT = 0.7;

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Splits an hourly price into per-core and per-GiB prices in the generic
 * CPU:memory ratio: hourly = c × cores + (c ÷ ratio) × GiB.
 */
function split(reference: DefaultFamily['reference']): NodeHourPrice {
  const cpu =
    reference.hourly / (reference.cores + reference.gib / CPU_TO_MEMORY);
  return {
    cpuCoreHourPrice: round6(cpu),
    memoryGibHourPrice: round6(cpu / CPU_TO_MEMORY),
  };
}

/**
 * The default price table, in USD: on-demand prices per instance family and
 * the generic fallback, and the spot discount. Used when no configured entry
 * matches a node.
 *
 * @public
 */
export const DEFAULT_NODE_PRICES: {
  currency: string;
  spotDiscount: number;
  families: ReadonlyArray<
    NodeHourPrice & { rule: string; pattern: RegExp; reference: string }
  >;
  generic: NodeHourPrice & { rule: string };
} = {
  currency: 'USD',
  spotDiscount: SPOT_DISCOUNT,
  families: FAMILIES.map(f => ({
    rule: f.rule,
    pattern: f.pattern,
    reference: `${f.reference.instanceType} at ${f.reference.hourly}/h (${f.reference.cores} cores, ${f.reference.gib} GiB)`,
    ...split(f.reference),
  })),
  generic: { rule: 'generic', ...GENERIC },
};

/**
 * The price of a node for an hour: the most specific configured entry that
 * matches it, else the default table (its family, else the generic row), with
 * the spot discount for spot nodes. Configured prices are used as written:
 * no discount is applied to them.
 *
 * Most specific: an exact `instanceType` beats a prefix, a longer prefix beats
 * a shorter one (`*` is the shortest), and for the same `instanceType` an
 * entry naming the node's `capacityType` beats one without. Instance types
 * compare case-insensitively (Azure's are written both ways).
 *
 * @public
 */
export function resolveNodePrice(
  node: NodePriceQuery,
  configured: readonly ConfiguredNodePrice[] = [],
): ResolvedNodePrice {
  const instanceType = node.instanceType?.trim() ?? '';
  let best: { entry: ConfiguredNodePrice; rank: number } | undefined;
  for (const entry of configured) {
    if (entry.capacityType && entry.capacityType !== node.capacityType)
      continue;
    const specificity = matchSpecificity(entry.instanceType, instanceType);
    if (specificity === undefined) continue;
    const rank = specificity * 2 + (entry.capacityType ? 1 : 0);
    if (!best || rank > best.rank) best = { entry, rank };
  }
  if (best) {
    const { entry } = best;
    return {
      cpuCoreHourPrice: entry.cpuCoreHourPrice,
      memoryGibHourPrice: entry.memoryGibHourPrice,
      source: 'config',
      rule: `${entry.instanceType}${
        entry.capacityType ? `, ${entry.capacityType}` : ''
      }`,
    };
  }
  const row =
    DEFAULT_NODE_PRICES.families.find(f => f.pattern.test(instanceType)) ??
    DEFAULT_NODE_PRICES.generic;
  const factor =
    node.capacityType === 'spot' ? 1 - DEFAULT_NODE_PRICES.spotDiscount : 1;
  return {
    cpuCoreHourPrice: round6(row.cpuCoreHourPrice * factor),
    memoryGibHourPrice: round6(row.memoryGibHourPrice * factor),
    source: 'default',
    rule: `${row.rule}${node.capacityType === 'spot' ? ', spot' : ''}`,
  };
}

/** Above any prefix length (instance types are at most 253 characters). */
const EXACT = 1000;

/**
 * How specifically a configured `instanceType` matches a node's: exact beats
 * any prefix (`m6i.*`), longer prefixes beat shorter ones; `undefined` when it
 * does not match.
 */
function matchSpecificity(
  configured: string,
  instanceType: string,
): number | undefined {
  const pattern = configured.toLowerCase();
  const type = instanceType.toLowerCase();
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return type.startsWith(prefix) ? prefix.length : undefined;
  }
  return pattern === type ? EXACT : undefined;
}
