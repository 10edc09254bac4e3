import {
  CostCapacityType,
  NodeHourPrice,
  resolveNodePrice,
} from '@goldenpath/plugin-platform-common';
import { Random, hashString } from './random';

const GIB = 1024 ** 3;

/** Requests are packed to this share of a node, so ~30–50 % of it stays idle. */
const TARGET_FILL = 0.75;
/** The size a node is packed against, in cores. */
const PACKING_CORES = 8;
/** Every third node of a pool is spot. */
const SPOT_EVERY = 3;
/** A spot node is reclaimed and replaced this often (its pods are recreated). */
export const SPOT_LIFETIME_HOURS = 72;

/** Sizes of one instance family, smallest first (AWS naming). */
const SIZES = [
  { size: 'large', cores: 2 },
  { size: 'xlarge', cores: 4 },
  { size: '2xlarge', cores: 8 },
  { size: '4xlarge', cores: 16 },
] as const;
/** Compute-optimised nodes (2 GiB a core) suit the demo's services; spot ones are an older generation. */
const FAMILIES: Record<
  CostCapacityType,
  { family: string; gibPerCore: number }
> = {
  'on-demand': { family: 'c6i', gibPerCore: 2 },
  spot: { family: 'c5', gibPerCore: 2 },
};

/** What one pod of a service requests (all its containers). */
export interface DemoWorkload {
  key: string;
  replicas: number;
  cpuCores: number;
  memoryBytes: number;
  /** The most CPU one pod uses in a busy hour (usage may exceed the request). */
  peakCpuCores: number;
}

/** One node position of a cluster's pool. Spot positions get a new node every few days. */
export interface DemoNode {
  cluster: string;
  index: number;
  instanceType: string;
  capacityType: CostCapacityType;
  cpuCores: number;
  memoryBytes: number;
  prices: NodeHourPrice;
  /** The CPU and memory the pods placed here request. */
  requested: { cpuCores: number; memoryBytes: number };
}

export interface ClusterPlan {
  cluster: string;
  nodes: DemoNode[];
  /** The node position a replica of a workload runs on (it stays there when replaced). */
  nodeOf(key: string, replica: number): DemoNode;
}

/** Node prices differ a little between clusters (region, discounts). */
export function regionalPriceFactors(cluster: string) {
  const h = hashString(`prices|${cluster}`);
  return {
    cpu: 0.93 + ((h & 0xffff) / 0xffff) * 0.14,
    memory: 0.93 + ((h >>> 16) / 0xffff) * 0.14,
  };
}

/** Code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The generation of a node position at an hour: 0 for on-demand nodes, which
 * live as long as the demo; for spot nodes it moves on every
 * `SPOT_LIFETIME_HOURS`, at an hour that differs per node.
 */
export function nodeGeneration(
  seed: string,
  node: DemoNode,
  hourNumber: number,
): number {
  if (node.capacityType !== 'spot') return 0;
  const offset =
    hashString(`${seed}|${node.cluster}|${node.index}|spot`) %
    SPOT_LIFETIME_HOURS;
  return Math.floor((hourNumber + offset) / SPOT_LIFETIME_HOURS);
}

/** The node's name at an hour: EC2-style, or `<cluster>-node-<suffix>` outside AWS regions. */
export function nodeNameAt(
  seed: string,
  node: DemoNode,
  hourNumber: number,
): string {
  const generation = nodeGeneration(seed, node, hourNumber);
  const rng = Random.of(seed, node.cluster, 'node', node.index, generation);
  const region = /[a-z]{2}-[a-z]+-\d/.exec(node.cluster)?.[0];
  if (!region) return `${node.cluster}-node-${rng.kubeSuffix(5)}`;
  const octets = [rng.int(16, 31), rng.int(0, 255), rng.int(1, 254)];
  return `ip-10-${octets.join('-')}.${region}.compute.internal`;
}

/**
 * A cluster's node pool and where each replica runs: every replica of every
 * workload, largest first, on the first node with room (requests under
 * `TARGET_FILL` of an 8-core node, busy-hour usage under all of it) and no
 * other replica of the same workload (first-fit decreasing, with
 * anti-affinity). Each node is then the smallest size with the same room, so
 * requests fill 35–70 % of a node and usage never exceeds it. The pool
 * depends on the workloads of the cluster only: the same catalog always gives
 * the same nodes.
 */
export function planCluster(
  cluster: string,
  workloads: DemoWorkload[],
): ClusterPlan {
  const replicas = workloads
    .flatMap(w =>
      Array.from({ length: w.replicas }, (_, replica) => ({ ...w, replica })),
    )
    .sort(
      (a, b) =>
        b.cpuCores - a.cpuCores ||
        b.memoryBytes - a.memoryBytes ||
        compareText(a.key, b.key) ||
        a.replica - b.replica,
    );
  const budget = PACKING_CORES * TARGET_FILL;
  const bins: Array<{
    cpu: number;
    peak: number;
    memory: number;
    keys: Set<string>;
  }> = [];
  const placement = new Map<string, number>();
  for (const r of replicas) {
    let bin = bins.findIndex(
      b =>
        !b.keys.has(r.key) &&
        b.cpu + r.cpuCores <= budget &&
        b.peak + r.peakCpuCores <= PACKING_CORES,
    );
    if (bin < 0) {
      bins.push({ cpu: 0, peak: 0, memory: 0, keys: new Set() });
      bin = bins.length - 1;
    }
    bins[bin].cpu += r.cpuCores;
    bins[bin].peak += r.peakCpuCores;
    bins[bin].memory += r.memoryBytes;
    bins[bin].keys.add(r.key);
    placement.set(`${r.key}#${r.replica}`, bin);
  }
  const factors = regionalPriceFactors(cluster);
  const nodes = bins.map((bin, index): DemoNode => {
    const capacityType: CostCapacityType =
      index % SPOT_EVERY === 1 ? 'spot' : 'on-demand';
    const { family, gibPerCore } = FAMILIES[capacityType];
    const fits = (cores: number) =>
      bin.cpu <= cores * TARGET_FILL &&
      bin.peak <= cores &&
      bin.memory <= cores * gibPerCore * GIB * TARGET_FILL;
    const size = SIZES.find(s => fits(s.cores)) ?? SIZES[SIZES.length - 1];
    const instanceType = `${family}.${size.size}`;
    const list = resolveNodePrice({ instanceType, capacityType });
    return {
      cluster,
      index,
      instanceType,
      capacityType,
      cpuCores: size.cores,
      memoryBytes: size.cores * gibPerCore * GIB,
      prices: {
        cpuCoreHourPrice: round(list.cpuCoreHourPrice * factors.cpu, 6),
        memoryGibHourPrice: round(list.memoryGibHourPrice * factors.memory, 6),
      },
      requested: { cpuCores: bin.cpu, memoryBytes: bin.memory },
    };
  });
  return {
    cluster,
    nodes,
    nodeOf(key, replica) {
      const bin = placement.get(`${key}#${replica}`);
      if (bin === undefined) {
        throw new Error(
          `no node planned for ${key} replica ${replica} in ${cluster}`,
        );
      }
      return nodes[bin];
    },
  };
}
