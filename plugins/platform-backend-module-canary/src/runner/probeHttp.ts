import {
  ProbeContext,
  ProbeFailure,
  describeNetworkFailure,
} from './ProbeFailure';
import { HttpCheck } from './types';

/** Bytes of the body read for `bodyMatch` and the log. */
export const MAX_BODY_BYTES = 1024 * 1024;
const BODY_LOG_LINES = 20;
const BODY_LOG_LINE = 300;

async function readBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

function logBody(body: string, context: ProbeContext) {
  const lines = body.split(/\r?\n/).filter(l => l.trim() !== '');
  for (const line of lines.slice(0, BODY_LOG_LINES)) {
    context.log(`body| ${line.slice(0, BODY_LOG_LINE)}`);
  }
  if (lines.length > BODY_LOG_LINES) {
    context.log(`body| … ${lines.length - BODY_LOG_LINES} more lines`);
  }
}

/**
 * Requests the URL and checks status, body and latency. Latency is measured
 * to the end of the body (bodyMatch needs it), so a slow body counts.
 */
export async function probeHttp(
  check: HttpCheck,
  context: ProbeContext,
): Promise<void> {
  const target = `${check.method} ${check.url}`;
  context.log(`${target} (timeout ${check.timeoutMs} ms)`);
  let response: Response;
  let body: string;
  try {
    response = await fetch(check.url, {
      method: check.method,
      headers: check.headers,
      redirect: check.followRedirects ? 'follow' : 'manual',
      signal: context.signal,
    });
    context.log(
      `HTTP ${response.status} ${
        response.statusText
      } (headers after ${context.elapsedMs()} ms)`,
    );
    body = check.method === 'HEAD' ? '' : await readBody(response);
  } catch (error) {
    if (context.signal.aborted) throw error;
    const failure = describeNetworkFailure(error, target);
    if (failure) throw new ProbeFailure([failure]);
    throw error;
  }
  const latencyMs = context.elapsedMs();
  context.log(`${body.length} characters of body after ${latencyMs} ms`);

  const errors: string[] = [];
  if (!check.expectedStatus.includes(response.status)) {
    errors.push(
      `${target} returned ${
        response.status
      }, expected ${check.expectedStatus.join(' or ')}`,
    );
  }
  if (check.bodyMatch) {
    const { text, regex } = check.bodyMatch;
    const matched = regex ? regex.test(body) : body.includes(text);
    if (!matched) {
      errors.push(
        `the body of ${check.url} does not ${
          regex ? 'match' : 'contain'
        } ${text}`,
      );
    }
  }
  if (
    check.latencyBudgetMs !== undefined &&
    latencyMs > check.latencyBudgetMs
  ) {
    errors.push(
      `${target} took ${latencyMs} ms, over the latency budget of ${check.latencyBudgetMs} ms`,
    );
  }
  if (errors.length > 0) {
    logBody(body, context);
    throw new ProbeFailure(errors);
  }
}
