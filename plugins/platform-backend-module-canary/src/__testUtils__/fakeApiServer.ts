import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { KubernetesCluster } from '../kubernetes/clusters';

/** A recorded API answer from src/__fixtures__ (see its README). */
export function fixture(path: string): any {
  return JSON.parse(
    readFileSync(join(__dirname, '..', '__fixtures__', path), 'utf8'),
  );
}

export interface ApiRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/**
 * A local HTTP server acting as a Kubernetes API server: GET paths answered
 * from `routes` (a list object is paged with `limit` and `continue`, as the
 * real server does), anything else a 404 Status, as for a CRD that is not
 * installed; `{ httpStatus }` answers that status. A list asked with a label selector is answered from the route
 * `<path>?labelSelector=<selector>`. `routes` may be changed between polls.
 */
export async function startFakeApiServer(routes: Record<string, unknown>) {
  const requests: ApiRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    });
    const selector = url.searchParams.get('labelSelector');
    const answer = (
      selector !== null
        ? routes[`${url.pathname}?labelSelector=${selector}`]
        : routes[url.pathname]
    ) as
      | { items?: unknown[]; metadata?: object; httpStatus?: number }
      | undefined;
    if (!answer || answer.httpStatus) {
      const code = answer?.httpStatus ?? 404;
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message:
            code === 404
              ? 'the server could not find the requested resource'
              : 'forbidden',
          reason: code === 404 ? 'NotFound' : 'Forbidden',
          details: {},
          code,
        }),
      );
      return;
    }
    let body: unknown = answer;
    const limit = Number(url.searchParams.get('limit'));
    if (Array.isArray(answer.items) && limit > 0) {
      const offset = Number(url.searchParams.get('continue') ?? 0);
      const next = offset + limit;
      body = {
        ...answer,
        items: answer.items.slice(offset, next),
        metadata: {
          ...answer.metadata,
          continue: next < answer.items.length ? String(next) : '',
        },
      };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    routes,
    cluster(name: string, token = 'test-token'): KubernetesCluster {
      return { name, url, token: { value: token }, skipTLSVerify: false };
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
