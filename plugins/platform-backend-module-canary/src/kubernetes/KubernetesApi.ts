import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { KubernetesCluster } from './clusters';

/** A Kubernetes list response: `items` and the continue token. */
export interface KubernetesList<T> {
  items: T[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** An answer other than 2xx, with its status (404: the CRD is not installed). */
export class KubernetesApiError extends Error {
  constructor(readonly status: number, readonly path: string, message: string) {
    super(message);
    this.name = 'KubernetesApiError';
  }
}

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const PAGE_SIZE = 500;

async function bearer(cluster: KubernetesCluster): Promise<string | undefined> {
  if (!cluster.token) return undefined;
  if ('value' in cluster.token) return cluster.token.value;
  try {
    return (await readFile(cluster.token.file, 'utf8')).trim();
  } catch {
    return undefined; // no token: the API server decides (e.g. a kubectl proxy)
  }
}

/**
 * Reads from one cluster's API server with its token and CA, GET only:
 * the readers never change anything in a cluster.
 */
export class KubernetesApi {
  constructor(
    readonly cluster: KubernetesCluster,
    private readonly timeoutMs: number,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const url = new URL(`${this.cluster.url}${path}`);
    const token = await bearer(this.cluster);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<T>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'GET',
          headers: {
            accept: 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ca: this.cluster.ca,
          rejectUnauthorized: !this.cluster.skipTLSVerify,
          timeout: this.timeoutMs,
          signal,
        },
        res => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy(new Error(`${path}: response over 64 MiB`));
            } else chunks.push(chunk);
          });
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) {
              let message = body.slice(0, 300);
              try {
                message = JSON.parse(body).message ?? message;
              } catch {
                // not a Status object: keep the text
              }
              reject(
                new KubernetesApiError(
                  status,
                  path,
                  `${this.cluster.name}: GET ${path} answered ${status}: ${message}`,
                ),
              );
              return;
            }
            try {
              resolve(JSON.parse(body) as T);
            } catch {
              reject(new Error(`${this.cluster.name}: GET ${path}: not JSON`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          new Error(
            `${this.cluster.name}: GET ${path}: no answer in ${this.timeoutMs} ms`,
          ),
        ),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Every item of a list, page by page (`limit` and `continue`). */
  async list<T>(
    path: string,
    options: { labelSelector?: string; signal?: AbortSignal } = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(this.pageSize) });
      if (options.labelSelector)
        query.set('labelSelector', options.labelSelector);
      if (next) query.set('continue', next);
      const page = await this.get<KubernetesList<T>>(
        `${path}?${query}`,
        options.signal,
      );
      items.push(...(page.items ?? []));
      next = page.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  /** Like list, but a 404 (the resource type is not installed) is undefined. */
  async listIfInstalled<T>(
    path: string,
    options: { labelSelector?: string; signal?: AbortSignal } = {},
  ): Promise<T[] | undefined> {
    try {
      return await this.list<T>(path, options);
    } catch (error) {
      if (error instanceof KubernetesApiError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }
}
