/**
 * Thrown by a probe when the platform answered wrongly (or not at all): the
 * check FAILS. Any other exception means the runner could not run the check
 * (an ERROR, which says nothing about the platform).
 */
export class ProbeFailure extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
    this.name = 'ProbeFailure';
  }
}

/** What a probe gets: the run's signal (timeout or shutdown) and its log. */
export interface ProbeContext {
  signal: AbortSignal;
  log(line: string): void;
  /** Milliseconds since the probe started. */
  elapsedMs(): number;
  /** The wall clock (injectable for certificate expiry in tests). */
  now(): number;
}

/** The code of a Node system or network error, wherever fetch put it. */
export function errorCode(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** The innermost message (fetch wraps the useful one in `cause`). */
export function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let e: any = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.message === 'string' && e.message) message = e.message;
  }
  return message;
}

const NETWORK_FAILURES: Record<string, (target: string) => string> = {
  ENOTFOUND: t => `${t}: the name does not resolve (NXDOMAIN)`,
  EAI_AGAIN: t => `${t}: DNS lookup failed temporarily (no answer or SERVFAIL)`,
  ECONNREFUSED: t => `${t}: connection refused`,
  ECONNRESET: t => `${t}: connection reset by peer`,
  EPIPE: t => `${t}: connection closed while sending`,
  EHOSTUNREACH: t => `${t}: host unreachable`,
  ENETUNREACH: t => `${t}: network unreachable`,
  ETIMEDOUT: t => `${t}: the operating system gave up connecting (ETIMEDOUT)`,
  UND_ERR_SOCKET: t => `${t}: the connection closed unexpectedly`,
  UND_ERR_CONNECT_TIMEOUT: t => `${t}: connect timed out`,
  UND_ERR_HEADERS_TIMEOUT: t => `${t}: no response headers in time`,
  UND_ERR_BODY_TIMEOUT: t => `${t}: the body stopped arriving`,
  HPE_INVALID_CONSTANT: t => `${t}: the answer is not HTTP`,
};

/**
 * A network error of the target is a failure of the platform (the check
 * FAILS); codes we do not know are failures too when they come from the
 * socket or TLS layer. Returns undefined for errors without a code: those are
 * the runner's own (bad input, a bug) and become ERRORs.
 */
export function describeNetworkFailure(
  error: unknown,
  target: string,
): string | undefined {
  const code = errorCode(error);
  if (!code) return undefined;
  const known = NETWORK_FAILURES[code];
  if (known) return known(target);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i.test(code)) {
    return `${target}: TLS handshake failed: ${innermostMessage(
      error,
    )} (${code})`;
  }
  if (/^E[A-Z]+$|^UND_ERR_|^HPE_/.test(code)) {
    return `${target}: ${innermostMessage(error)} (${code})`;
  }
  return undefined;
}
