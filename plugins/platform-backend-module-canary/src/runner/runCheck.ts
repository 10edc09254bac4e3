import { probeDns } from './probeDns';
import { probeHttp } from './probeHttp';
import { probeTcp } from './probeTcp';
import { probeTls } from './probeTls';
import { ProbeContext, ProbeFailure } from './ProbeFailure';
import { CanaryCheck, CheckResult } from './types';

/** Lines kept from a probe's log (the event's `logTail` bound). */
export const LOG_TAIL_LINES = 50;
/** Characters kept per log line or error (the event's bound is 2000). */
export const MAX_LINE = 2000;

const PROBES: {
  [T in CanaryCheck['type']]: (
    check: Extract<CanaryCheck, { type: T }>,
    context: ProbeContext,
  ) => Promise<void>;
} = { http: probeHttp, dns: probeDns, tcp: probeTcp, tls: probeTls };

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/** Settles when the signal aborts, so a probe that cannot be cancelled still ends. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Runs one check once and says what it found:
 *
 * - `pass`: the probe got the answer the check expects;
 * - `fail`: the platform answered wrongly or refused (wrong status, body or
 *   certificate, over the latency budget, NXDOMAIN, connection refused, an
 *   unresolvable host in a URL);
 * - `timeout`: no verdict within the check's timeout (the platform kept us
 *   waiting);
 * - `error`: the runner could not run the check (a check it does not
 *   understand, an exception of its own, the backend stopping the run):
 *   nothing is known about the platform.
 *
 * `signal` stops the run from outside (shutdown); the check's own timeout is
 * applied here. Never throws.
 *
 * @public
 */
export async function runCheck(
  check: CanaryCheck,
  options: { signal?: AbortSignal; now?: () => number } = {},
): Promise<CheckResult> {
  const log: string[] = [];
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${check.timeoutMs} ms`));
  }, check.timeoutMs);
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });

  const context: ProbeContext = {
    signal: controller.signal,
    log: line => log.push(clip(`+${elapsedMs()}ms ${line}`)),
    elapsedMs,
    now: options.now ?? Date.now,
  };
  const result = (
    outcome: CheckResult['outcome'],
    errors: string[],
  ): CheckResult => ({
    outcome,
    durationMs: elapsedMs(),
    errors: errors.map(clip),
    log: log.slice(-LOG_TAIL_LINES),
  });

  try {
    const probe = PROBES[check.type] as (
      c: CanaryCheck,
      ctx: ProbeContext,
    ) => Promise<void>;
    if (!probe) {
      return result('error', [`unknown check type "${check.type}"`]);
    }
    await Promise.race([probe(check, context), whenAborted(controller.signal)]);
    return result('pass', []);
  } catch (error) {
    if (timedOut) {
      context.log(`gave up after the timeout of ${check.timeoutMs} ms`);
      return result('timeout', [
        `no answer within the timeout of ${check.timeoutMs} ms`,
      ]);
    }
    if (options.signal?.aborted) {
      return result('error', [
        'the run was stopped before it finished (the backend is stopping)',
      ]);
    }
    if (error instanceof ProbeFailure) {
      for (const e of error.errors) context.log(`FAIL ${e}`);
      return result('fail', error.errors);
    }
    const message = error instanceof Error ? error.message : String(error);
    context.log(`ERROR ${message}`);
    return result('error', [`the runner could not run the check: ${message}`]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}
