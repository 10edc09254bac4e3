/**
 * Catalog annotations the linker reads. Standard Backstage ones come first;
 * `goldenpath.dev/*` only where no standard one exists.
 *
 * @public
 */
export const ANNOTATIONS = {
  githubProjectSlug: 'github.com/project-slug',
  kubernetesId: 'backstage.io/kubernetes-id',
  kubernetesNamespace: 'backstage.io/kubernetes-namespace',
  kubernetesLabelSelector: 'backstage.io/kubernetes-label-selector',
  /** On a Component: the cluster names it runs in (comma separated). */
  clusters: 'goldenpath.dev/clusters',
  /** On a kubernetes-cluster Resource: the cluster name used by telemetry, when it differs from metadata.name. */
  clusterName: 'goldenpath.dev/cluster-name',
  /** On a kubernetes-cluster Resource: the canary capabilities it checks. */
  canaryCapabilities: 'goldenpath.dev/canary-capabilities',
} as const;

/** The Resource `spec.type` of a Kubernetes cluster. @public */
export const KUBERNETES_CLUSTER_RESOURCE_TYPE = 'kubernetes-cluster';

/**
 * Pod labels that name the component a pod belongs to, in the order
 * `podSubject` reads them: Backstage's own label first, then the recommended
 * Kubernetes one.
 *
 * @public
 */
export const POD_LABELS = {
  kubernetesId: 'backstage.io/kubernetes-id',
  appName: 'app.kubernetes.io/name',
} as const;
