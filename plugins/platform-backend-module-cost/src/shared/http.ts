/** A request to a cost source that did not give usable JSON. */
export class SourceRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** The body of an HTTP error, for sources that explain errors in it. */
    readonly body?: string,
  ) {
    super(message);
    this.name = 'SourceRequestError';
  }
}

const BODY_EXCERPT = 300;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_EXCERPT ? `${flat.slice(0, BODY_EXCERPT)}…` : flat;
}

/**
 * GETs a JSON document. Every failure is a SourceRequestError whose message
 * names `what` and the cause (status and a body excerpt, timeout, network
 * error, malformed JSON) but never the headers, which may hold credentials.
 * The timeout covers the whole exchange, body included; `signal` (the task's)
 * aborts it early.
 */
export async function getJson(options: {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
  what: string;
  signal?: AbortSignal;
}): Promise<unknown> {
  const { url, headers, timeoutMs, what } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([timeout, options.signal])
    : timeout;
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...headers },
      signal,
    });
    status = response.status;
    text = await response.text();
    if (!response.ok) {
      throw new SourceRequestError(
        `${what}: HTTP ${response.status} ${response.statusText}${
          text ? `: ${excerpt(text)}` : ''
        }`,
        response.status,
        text,
      );
    }
  } catch (error) {
    if (error instanceof SourceRequestError) throw error;
    if (timeout.aborted) {
      throw new SourceRequestError(
        `${what}: no complete response within ${timeoutMs / 1000} s`,
      );
    }
    if (options.signal?.aborted) {
      throw new SourceRequestError(`${what}: aborted (the task was stopped)`);
    }
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new SourceRequestError(
      `${what}: request failed: ${cause ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceRequestError(
      `${what}: HTTP ${status} but the body is not JSON (${
        (error as Error).message
      }): ${excerpt(text) || '(empty)'}`,
      status,
    );
  }
}
