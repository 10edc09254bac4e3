import {
  CanonicalEventInput,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { resolveController } from '../shared/controller';
import { HourWindow, floorHour } from '../shared/hours';
import { labelValue, restoreLabelKeys } from '../shared/labels';
import { podUsageEvent } from '../shared/podUsage';
import { OpenCostAllocation, allocationSchema } from './api';

/** Names OpenCost gives to cost that belongs to no container. */
const SPECIAL = /__(idle|unallocated|unmounted)__/;

export interface MappedEntries {
  events: CanonicalEventInput[];
  skipped: Record<string, number>;
}

function count(skipped: Record<string, number>, reason: string) {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Minutes the allocation ran in its hour, from `minutes` or start/end. */
function runningMinutes(a: OpenCostAllocation): number {
  if (typeof a.minutes === 'number') return a.minutes;
  const start = Date.parse(a.start ?? '');
  const end = Date.parse(a.end ?? '');
  return Number.isFinite(start) && Number.isFinite(end)
    ? (end - start) / 60_000
    : 60;
}

/**
 * OpenCost allocations (one per container and hour) → `pod.usage`.
 *
 * - Averages are over the minutes the container ran; they are scaled to the
 *   whole hour (× minutes ÷ 60), so 1 core requested for 30 minutes is 0.5.
 * - A missing (null) request or usage is 0.
 * - `__idle__`, `__unallocated__` and `__unmounted__` entries (cost that is
 *   no container's: idle capacity, unmounted volumes) are skipped, as are
 *   entries without namespace, pod, container or node, hours outside the
 *   requested window, and repeats of a container-hour already mapped.
 * - The cluster is the configured name, not OpenCost's CLUSTER_ID.
 */
export function mapAllocations(options: {
  entries: Array<[string, unknown]>;
  cluster: string;
  source: string;
  window: HourWindow;
}): MappedEntries {
  const { cluster, source, window } = options;
  const events: CanonicalEventInput[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [name, raw] of options.entries) {
    if (SPECIAL.test(name)) {
      count(skipped, 'idle or unallocated entries');
      continue;
    }
    const parsed = allocationSchema.safeParse(raw);
    if (!parsed.success) {
      count(skipped, 'malformed allocations');
      continue;
    }
    const a = parsed.data;
    const p = a.properties ?? {};
    const { namespace, pod, container, node } = p;
    if (!namespace || !pod || !container || !node) {
      count(skipped, 'allocations without namespace, pod, container or node');
      continue;
    }
    const hourStartMs = floorHour(Date.parse(a.window?.start ?? a.start ?? ''));
    if (
      !Number.isFinite(hourStartMs) ||
      hourStartMs < window.fromMs ||
      hourStartMs + HOUR_MS > window.toMs
    ) {
      count(skipped, 'allocations outside the window');
      continue;
    }
    const key = [namespace, pod, container, hourStartMs].join('\u0000');
    if (seen.has(key)) {
      count(skipped, 'repeated container-hours');
      continue;
    }
    seen.add(key);
    const share = Math.min(1, Math.max(0, runningMinutes(a) / 60));
    const labels = p.labels ?? {};
    events.push(
      podUsageEvent(source, {
        cluster,
        namespace,
        pod,
        container,
        node,
        controller: resolveController({
          kind: p.controllerKind ?? undefined,
          name: p.controller ?? undefined,
          pod,
          podTemplateHash: labelValue(labels, 'pod-template-hash'),
        }),
        labels: restoreLabelKeys(labels),
        hourStartMs,
        cpuRequestCores: (a.cpuCoreRequestAverage ?? 0) * share,
        cpuUsageCores: (a.cpuCoreUsageAverage ?? 0) * share,
        memoryRequestBytes: (a.ramByteRequestAverage ?? 0) * share,
        memoryUsageBytes: (a.ramByteUsageAverage ?? 0) * share,
      }),
    );
  }
  return { events, skipped };
}
