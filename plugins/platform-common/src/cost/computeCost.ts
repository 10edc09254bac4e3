import { HOUR_MS, isInWindow, parseWindow } from '../time/utc';
import { allocate, priceIndex } from './allocate';
import { computeIdle, shareIdle } from './idle';
import { DEFAULT_RIGHT_SIZING, rightSize } from './rightSizing';
import { compareKeys, keys, rollUp, totalsOf } from './totals';
import type {
  CostComputation,
  CostContainerSample,
  CostIdleOptions,
  CostInput,
  CostOptions,
  CostRightSizingOptions,
} from './types';

/** @public */
export const DEFAULT_IDLE: CostIdleOptions = { share: false, by: 'cluster' };

function sampleKey(s: CostContainerSample): string {
  return [
    s.cluster,
    s.namespace,
    s.controller.kind,
    s.controller.name,
    s.podUid,
    s.container,
  ].join('\u0000');
}

/**
 * The cost numbers for `[options.window.from, options.window.to)`. Pure: the
 * hourly rows in, the numbers out; definitions in docs/cost-model.md. Idle is
 * only meaningful when `input.samples` holds every container of the clusters
 * (or nodes) in `input.nodes`; filter the roll-ups afterwards for one service.
 *
 * @public
 */
export function computeCost(
  input: CostInput,
  options: CostOptions,
): CostComputation {
  const window = parseWindow(options.window);
  const windowHours = (window.toMs - window.fromMs) / HOUR_MS;
  const idleOptions: CostIdleOptions = { ...DEFAULT_IDLE, ...options.idle };
  const sizing: CostRightSizingOptions = {
    ...DEFAULT_RIGHT_SIZING,
    ...options.rightSizing,
  };

  const inWindow = (hourStart: string) =>
    isInWindow(Date.parse(hourStart), window);
  // a fixed order, so sums (and their last floating-point bits) and list
  // orders never depend on the order the rows arrive in
  const samples = input.samples
    .filter(s => inWindow(s.hourStart))
    .map(s => ({ s, ms: Date.parse(s.hourStart), key: sampleKey(s) }))
    .sort((x, y) => x.ms - y.ms || compareKeys(x.key, y.key))
    .map(({ s }) => s);
  const nodes = input.nodes
    .filter(n => inWindow(n.hourStart))
    .map(n => ({
      n,
      ms: Date.parse(n.hourStart),
      key: `${n.cluster}\u0000${n.node}`,
    }))
    .sort((x, y) => x.ms - y.ms || compareKeys(x.key, y.key))
    .map(({ n }) => n);
  const prices = priceIndex(nodes);

  const billed = samples.map(s => allocate(s, prices));
  const idle = computeIdle(nodes, billed, idleOptions.by);
  const allocations = idleOptions.share
    ? shareIdle(idle, billed, idleOptions.by)
    : billed;

  return {
    window: {
      from: options.window.from,
      to: options.window.to,
      hours: windowHours,
    },
    allocations,
    containers: rollUp(allocations, keys.container, a => ({
      cluster: a.cluster,
      namespace: a.namespace,
      controller: { ...a.controller },
      container: a.container,
    })),
    pods: rollUp(allocations, keys.pod, a => ({
      cluster: a.cluster,
      namespace: a.namespace,
      controller: { ...a.controller },
      pod: a.pod,
      podUid: a.podUid,
    })),
    controllers: rollUp(allocations, keys.controller, a => ({
      cluster: a.cluster,
      namespace: a.namespace,
      controller: { ...a.controller },
    })),
    namespaces: rollUp(allocations, keys.namespace, a => ({
      cluster: a.cluster,
      namespace: a.namespace,
    })),
    total: totalsOf(allocations),
    idle,
    idleTotal: {
      cpuIdleCost: idle.reduce((t, i) => t + i.cpuIdleCost, 0),
      memoryIdleCost: idle.reduce((t, i) => t + i.memoryIdleCost, 0),
      idleCost: idle.reduce((t, i) => t + i.idleCost, 0),
    },
    rightSizing: rightSize(allocations, prices, sizing, windowHours),
    inputs: {
      samples: input.samples.length,
      samplesInWindow: samples.length,
      missingPriceSamples: billed.filter(a => a.missingPrice).length,
      nodeHours: nodes.length,
      windowHours,
    },
  };
}
