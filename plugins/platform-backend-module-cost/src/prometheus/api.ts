import { z } from 'zod';
import { CostSourceCluster } from '../config';
import { SourceRequestError, getJson } from '../shared/http';

/*
 * Prometheus' HTTP API v1 (https://prometheus.io/docs/prometheus/latest/querying/api/):
 * success `{ status: "success", data: { resultType, result }, warnings? }`,
 * failure `{ status: "error", errorType, error }` (with HTTP 400, 422 or 503).
 * Thanos, Mimir and VictoriaMetrics answer the same shape.
 */

/** A sample: `[<unix seconds>, "<value>"]`; the value may be "NaN" or "+Inf". */
const sample = z.tuple([z.number(), z.string()]);

const matrixSeries = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.array(sample),
});

const successSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(matrixSeries),
  }),
  warnings: z.array(z.string()).optional(),
});

const errorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

/** One series of a range query, values parsed (NaN and ±Inf dropped). */
export interface RangeSeries {
  metric: Record<string, string>;
  /** Unix milliseconds → value. */
  values: Map<number, number>;
}

function parseSamples(values: Array<[number, string]>): Map<number, number> {
  const result = new Map<number, number>();
  for (const [seconds, text] of values) {
    const value = Number(text);
    if (Number.isFinite(value)) result.set(Math.round(seconds * 1000), value);
  }
  return result;
}

/**
 * `GET /api/v1/query_range` for the points `startMs, startMs + stepMs, …,
 * endMs`. A Prometheus error (its `errorType` and message), an HTTP error, a
 * timeout or an answer of another shape is a SourceRequestError naming the
 * query.
 */
export async function queryRange(options: {
  cluster: CostSourceCluster;
  name: string;
  query: string;
  startMs: number;
  endMs: number;
  stepSeconds: number;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<{ series: RangeSeries[]; warnings: string[] }> {
  const { cluster, name } = options;
  const what = `Prometheus ${cluster.name} query "${name}"`;
  const url = new URL(`${cluster.baseUrl}/api/v1/query_range`);
  url.searchParams.set('query', options.query);
  url.searchParams.set('start', String(options.startMs / 1000));
  url.searchParams.set('end', String(options.endMs / 1000));
  url.searchParams.set('step', String(options.stepSeconds));
  let body: unknown;
  try {
    body = await getJson({
      url,
      headers: cluster.headers,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      what,
    });
  } catch (error) {
    // Prometheus explains a refused query in the body of its 4xx/5xx
    const explained = explainError(error);
    throw explained ?? error;
  }
  const failure = errorSchema.safeParse(body);
  if (failure.success) {
    throw new SourceRequestError(
      `${what}: Prometheus ${failure.data.errorType ?? 'error'}: ${
        failure.data.error ?? '(no message)'
      }`,
    );
  }
  const parsed = successSchema.safeParse(body);
  if (!parsed.success) {
    throw new SourceRequestError(
      `${what}: not a Prometheus range answer ({ status: "success", data: { resultType: "matrix", result } } expected)`,
    );
  }
  return {
    series: parsed.data.data.result.map(s => ({
      metric: s.metric,
      values: parseSamples(s.values),
    })),
    warnings: parsed.data.warnings ?? [],
  };
}

/** An HTTP error whose body is a Prometheus error, with Prometheus' words. */
function explainError(error: unknown): SourceRequestError | undefined {
  if (!(error instanceof SourceRequestError) || !error.body) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(error.body);
  } catch {
    return undefined;
  }
  const failure = errorSchema.safeParse(body);
  if (!failure.success) return undefined;
  const what = error.message.slice(0, error.message.indexOf(': HTTP '));
  return new SourceRequestError(
    `${what}: HTTP ${error.status}, Prometheus ${
      failure.data.errorType ?? 'error'
    }: ${failure.data.error ?? '(no message)'}`,
    error.status,
  );
}
