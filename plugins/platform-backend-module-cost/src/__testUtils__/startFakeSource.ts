import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the fake answers: a JSON value, or raw text with a status. */
export type FakeAnswer =
  | { status?: number; json: unknown }
  | { status?: number; text: string; contentType?: string }
  | { hang: true };

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/**
 * A local HTTP server (port 0) standing in for OpenCost or Prometheus: each
 * request is recorded and answered by `answer(path, query)`. `hang` answers
 * never, to test timeouts.
 */
export async function startFakeSource(
  answer: (path: string, query: URLSearchParams) => FakeAnswer,
) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    });
    const reply = answer(url.pathname, url.searchParams);
    if ('hang' in reply) return;
    if ('json' in reply) {
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify(reply.json));
    } else {
      res.writeHead(reply.status ?? 200, {
        'content-type': reply.contentType ?? 'text/plain',
      });
      res.end(reply.text);
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a describe block: starts fake sources as its tests ask and closes every
 * one after each test.
 */
export function fakeSourcesPerTest() {
  let started: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(started.map(s => s.close()));
    started = [];
  });
  return async (
    answer: (path: string, query: URLSearchParams) => FakeAnswer,
  ) => {
    const source = await startFakeSource(answer);
    started.push(source);
    return source;
  };
}
