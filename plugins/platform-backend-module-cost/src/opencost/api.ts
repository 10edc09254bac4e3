import { z } from 'zod';
import { CostSourceCluster } from '../config';
import { SourceRequestError, getJson } from '../shared/http';
import { HourWindow, isoSeconds } from '../shared/hours';

/*
 * The parts of OpenCost's answers this module reads (OpenCost 1.x,
 * core/pkg/opencost allocation_json.go and asset_json.go). Numbers are null
 * when OpenCost computed NaN or Inf; unknown fields are ignored, so a newer
 * OpenCost with more fields still parses.
 */

const number = z.number().nullable().optional();
const text = z.string().nullable().optional();
const labels = z.record(z.string(), z.string()).nullable().optional();
const windowSchema = z.object({ start: text, end: text }).nullable().optional();

/** One allocation: with no `aggregate`, one container of one pod. */
export const allocationSchema = z.object({
  name: z.string(),
  properties: z
    .object({
      cluster: text,
      node: text,
      container: text,
      controller: text,
      controllerKind: text,
      namespace: text,
      pod: text,
      labels,
    })
    .nullable()
    .optional(),
  window: windowSchema,
  start: text,
  end: text,
  minutes: number,
  cpuCoreRequestAverage: number,
  cpuCoreUsageAverage: number,
  ramByteRequestAverage: number,
  ramByteUsageAverage: number,
});
export type OpenCostAllocation = z.infer<typeof allocationSchema>;

/** One asset; only nodes (`type: "Node"`) are read. */
export const assetSchema = z.object({
  type: z.string(),
  properties: z
    .object({ cluster: text, name: text, providerID: text })
    .nullable()
    .optional(),
  labels,
  window: windowSchema,
  start: text,
  end: text,
  minutes: number,
  nodeType: text,
  cpuCores: number,
  ramBytes: number,
  cpuCost: number,
  ramCost: number,
  discount: number,
  preemptible: number,
});
export type OpenCostAsset = z.infer<typeof assetSchema>;

/**
 * The envelope of every OpenCost answer: `{ code, status, data, message }`.
 * Entries are kept raw here and parsed one by one, so one odd entry is
 * skipped instead of failing the whole answer.
 */
const envelopeSchema = z.object({
  code: z.number(),
  status: z.string().optional(),
  message: z.string().optional(),
  data: z.unknown(),
});

const entriesSchema = z.record(z.string(), z.unknown());

function openEnvelope(body: unknown, what: string): unknown {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    throw new SourceRequestError(
      `${what}: not an OpenCost answer ({ code, data } expected)`,
    );
  }
  const { code, status, message, data } = parsed.data;
  if (code !== 200 || (status !== undefined && status !== 'success')) {
    // older versions put the error text in `data`
    const reason = message ?? (typeof data === 'string' ? data : undefined);
    throw new SourceRequestError(
      `${what}: OpenCost answered code ${code}${reason ? `: ${reason}` : ''}`,
      code,
    );
  }
  return data;
}

/**
 * The sets of `data`: an array of `{ "<name>": entry }` maps (allocation
 * ranges, asset ranges), or one such map (an asset set). A null set is empty.
 */
function entriesOf(data: unknown, what: string): Array<[string, unknown]> {
  const sets = Array.isArray(data) ? data : [data];
  const entries: Array<[string, unknown]> = [];
  for (const set of sets) {
    if (set === null || set === undefined) continue;
    const parsed = entriesSchema.safeParse(set);
    if (!parsed.success) {
      throw new SourceRequestError(
        `${what}: data must hold maps of name to entry`,
      );
    }
    entries.push(...Object.entries(parsed.data));
  }
  return entries;
}

function url(
  cluster: CostSourceCluster,
  path: string,
  query: Record<string, string>,
) {
  const result = new URL(`${cluster.baseUrl}${path}`);
  for (const [key, value] of Object.entries(query)) {
    result.searchParams.set(key, value);
  }
  return result;
}

function windowParam(window: HourWindow): string {
  return `${isoSeconds(window.fromMs)},${isoSeconds(window.toMs)}`;
}

export interface OpenCostRequest {
  cluster: CostSourceCluster;
  window: HourWindow;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * `GET /allocation/compute` for whole hours, one set per hour (`step=1h`,
 * `accumulate=false`), without `aggregate`: OpenCost then returns one
 * allocation per container of each pod, with its node, controller and labels
 * (aggregating, even by every field, drops the labels).
 */
export async function fetchAllocations(
  request: OpenCostRequest,
): Promise<Array<[string, unknown]>> {
  const what = `OpenCost ${request.cluster.name} /allocation/compute`;
  const body = await getJson({
    url: url(request.cluster, '/allocation/compute', {
      window: windowParam(request.window),
      step: '1h',
      accumulate: 'false',
    }),
    headers: request.cluster.headers,
    timeoutMs: request.timeoutMs,
    signal: request.signal,
    what,
  });
  return entriesOf(openEnvelope(body, what), what);
}

/**
 * `GET /assets` for one hour (the assets API has no step): every asset of the
 * cluster that ran in the hour; the caller keeps the nodes.
 */
export async function fetchAssets(
  request: OpenCostRequest,
): Promise<Array<[string, unknown]>> {
  const what = `OpenCost ${request.cluster.name} /assets`;
  const body = await getJson({
    url: url(request.cluster, '/assets', {
      window: windowParam(request.window),
    }),
    headers: request.cluster.headers,
    timeoutMs: request.timeoutMs,
    signal: request.signal,
    what,
  });
  return entriesOf(openEnvelope(body, what), what);
}
