import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readFileSync } from 'node:fs';

/** Where a service account token lives inside a pod. */
export const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** A cluster the readers can call, as the Kubernetes plugin's config names it. */
export interface KubernetesCluster {
  name: string;
  /** API server URL, without a trailing slash. */
  url: string;
  /** A bearer token, or a file to read it from on every request (rotated tokens). */
  token?: { value: string } | { file: string };
  /** Extra trusted CA (PEM). */
  ca?: string;
  skipTLSVerify: boolean;
}

/** Auth providers a backend can use without a signed-in user or a cloud SDK. */
const SUPPORTED_AUTH = new Set(['serviceAccount']);

/** `authMetadata` keys hold dots, which Config reads as paths: read it raw. */
function authMetadata(cluster: Config): Record<string, unknown> {
  const value = cluster.getOptional('authMetadata');
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function authProviderOf(cluster: Config): string {
  const fromMetadata = authMetadata(cluster)['kubernetes.io/auth-provider'];
  return (
    cluster.getOptionalString('authProvider') ??
    (typeof fromMetadata === 'string' ? fromMetadata : 'serviceAccount')
  );
}

function readCa(cluster: Config, path: string): string | undefined {
  const data = cluster.getOptionalString('caData');
  if (data) return Buffer.from(data, 'base64').toString('utf8');
  const file = cluster.getOptionalString('caFile');
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${path}.caFile "${file}" cannot be read: ${(error as Error).message}`,
    );
  }
}

function readConfigCluster(
  cluster: Config,
  path: string,
  logger: LoggerService,
): KubernetesCluster | undefined {
  const name = cluster.getString('name');
  const auth = authProviderOf(cluster);
  if (!SUPPORTED_AUTH.has(auth)) {
    logger.warn(
      `Canary: Kubernetes cluster ${name} uses authProvider ${auth}, which the canary readers cannot use (only serviceAccount): skipped`,
    );
    return undefined;
  }
  const fromMetadata = authMetadata(cluster).serviceAccountToken;
  const token =
    cluster.getOptionalString('serviceAccountToken') ??
    (typeof fromMetadata === 'string' ? fromMetadata : undefined);
  return {
    name,
    url: cluster.getString('url').replace(/\/+$/, ''),
    token: token ? { value: token } : { file: IN_CLUSTER_TOKEN_FILE },
    ca: readCa(cluster, path),
    skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
  };
}

/**
 * The clusters of `kubernetes.clusterLocatorMethods`, read the way the
 * Backstage Kubernetes backend reads them: `config` entries (service account
 * auth; a missing token means the pod's own), and `localKubectlProxy`. Other
 * locators (`catalog`, `gke`) and auth providers that need a user or a cloud
 * SDK are logged and skipped: `@backstage/plugin-kubernetes-node` offers
 * suppliers only to the Kubernetes plugin's own modules.
 */
export function readKubernetesClusters(
  root: Config,
  logger: LoggerService,
): KubernetesCluster[] {
  const path = 'kubernetes.clusterLocatorMethods';
  const methods = root.getOptionalConfigArray(path) ?? [];
  const clusters: KubernetesCluster[] = [];
  methods.forEach((method, i) => {
    const type = method.getString('type');
    if (type === 'localKubectlProxy') {
      clusters.push({
        name: 'local',
        url: 'http://localhost:8001',
        skipTLSVerify: false,
      });
    } else if (type === 'config') {
      (method.getOptionalConfigArray('clusters') ?? []).forEach((c, j) => {
        const cluster = readConfigCluster(
          c,
          `${path}[${i}].clusters[${j}]`,
          logger,
        );
        if (cluster) clusters.push(cluster);
      });
    } else {
      logger.warn(
        `Canary: ${path}[${i}] of type ${type} is not read by the canary readers (config and localKubectlProxy are): its clusters are skipped`,
      );
    }
  });
  return clusters;
}

/**
 * The clusters a reader polls: all known, or those named in its `clusters`
 * (an unknown name is a startup error, not a silent gap).
 */
export function selectClusters(
  known: KubernetesCluster[],
  names: string[] | undefined,
  path: string,
): KubernetesCluster[] {
  if (!names) return known;
  return names.map(name => {
    const cluster = known.find(c => c.name === name);
    if (!cluster) {
      throw new Error(
        `${path}: cluster "${name}" is not among the usable clusters of kubernetes.clusterLocatorMethods (${
          known.map(c => c.name).join(', ') || 'none'
        })`,
      );
    }
    return cluster;
  });
}
