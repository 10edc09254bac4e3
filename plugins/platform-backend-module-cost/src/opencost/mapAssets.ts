import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { HourWindow, floorHour } from '../shared/hours';
import { nodeCostEvent } from '../shared/nodeCost';
import { nodeKindFromLabels } from '../shared/nodeLabels';
import { NodePriceBook } from '../shared/prices';
import { assetSchema } from './api';
import { MappedEntries } from './mapAllocations';

const GIB = 2 ** 30;

function count(skipped: Record<string, number>, reason: string) {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/**
 * OpenCost node assets of one hour → `node.cost`.
 *
 * - Price per core-hour = cpuCost × (1 − discount) ÷ (cpuCores × hours run);
 *   per GiB-hour = ramCost × (1 − discount) ÷ (ramBytes ÷ 2^30 × hours run),
 *   so a node's price does not depend on how long it ran; a price configured
 *   in `platform.cost.prices` for its instance type replaces OpenCost's.
 * - Cores and bytes are averages over the whole hour (× minutes ÷ 60), as in
 *   pod.usage, so node cost − allocated cost is the hour's idle.
 * - Spot when `preemptible` > 0 or the node's labels say so
 *   (nodeKindFromLabels); instance type from `nodeType`, else the labels.
 * - Assets other than nodes, nodes without name, running time or cores, and
 *   nodes of other hours are skipped.
 */
export function mapAssets(options: {
  entries: Array<[string, unknown]>;
  cluster: string;
  source: string;
  hour: HourWindow;
  prices: NodePriceBook;
}): MappedEntries {
  const { cluster, source, hour, prices } = options;
  const events: CanonicalEventInput[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [, raw] of options.entries) {
    const parsed = assetSchema.safeParse(raw);
    if (!parsed.success) {
      count(skipped, 'malformed assets');
      continue;
    }
    const asset = parsed.data;
    if (asset.type !== 'Node') continue; // disks, load balancers, management fees
    const node = asset.properties?.name;
    const minutes = asset.minutes ?? 0;
    const cpuCores = asset.cpuCores ?? 0;
    const ramBytes = asset.ramBytes ?? 0;
    if (!node || minutes <= 0 || cpuCores <= 0 || ramBytes <= 0) {
      count(skipped, 'nodes without name, running time, cores or memory');
      continue;
    }
    const start = Date.parse(asset.window?.start ?? asset.start ?? '');
    if (floorHour(start) !== hour.fromMs || seen.has(node)) {
      count(skipped, 'nodes outside the hour or repeated');
      continue;
    }
    seen.add(node);
    const hoursRun = Math.min(1, minutes / 60);
    const kind = nodeKindFromLabels(asset.labels ?? undefined);
    const key = {
      cluster,
      node,
      instanceType: asset.nodeType || kind.instanceType,
      capacityType:
        (asset.preemptible ?? 0) > 0 ? ('spot' as const) : kind.capacityType,
    };
    const kept = 1 - Math.min(1, Math.max(0, asset.discount ?? 0));
    const price = prices.configured(key) ?? {
      cpuCoreHourPrice: ((asset.cpuCost ?? 0) * kept) / (cpuCores * hoursRun),
      memoryGibHourPrice:
        ((asset.ramCost ?? 0) * kept) / ((ramBytes / GIB) * hoursRun),
    };
    events.push(
      nodeCostEvent(source, {
        ...key,
        cpuCores: cpuCores * hoursRun,
        memoryBytes: ramBytes * hoursRun,
        ...price,
        hourStartMs: hour.fromMs,
      }),
    );
  }
  return { events, skipped };
}
