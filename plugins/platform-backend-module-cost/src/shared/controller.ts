/** The controller a pod's usage rolls up to. */
export interface PodController {
  kind: string;
  name: string;
}

/** Kubernetes spelling of the kinds sources report in lower case (OpenCost). */
const KINDS: Record<string, string> = {
  deployment: 'Deployment',
  replicaset: 'ReplicaSet',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
  cronjob: 'CronJob',
  replicationcontroller: 'ReplicationController',
  rollout: 'Rollout',
  pod: 'Pod',
  node: 'Node',
};

/** The alphabet of pod-template-hash (Kubernetes' rand.SafeEncodeString). */
const TEMPLATE_HASH = /-[bcdfghjklmnpqrstvwxz2456789]{5,10}$/;
/** A Job a CronJob created: `<cronjob>-<scheduled time in minutes>`. */
const CRONJOB_JOB = /^(.+)-\d{8,}$/;

function canonicalKind(kind: string): string {
  return KINDS[kind.toLowerCase()] ?? kind;
}

/**
 * The controller to roll a pod up to, from the owner a source reports:
 * - a ReplicaSet `<name>-<pod-template-hash>` is its Deployment `<name>`: the
 *   suffix is the pod's `pod-template-hash` label when known, else a trailing
 *   `-` and 5 to 10 characters of the hash alphabet; a ReplicaSet whose name
 *   has neither stays a ReplicaSet;
 * - a Job `<name>-<8 or more digits>` is its CronJob `<name>`;
 * - a pod without owner, or owned by its Node (a static pod), is its own
 *   controller (kind `Pod`, the pod's name);
 * - other kinds are kept, spelt as Kubernetes does (`statefulset` → `StatefulSet`).
 */
export function resolveController(options: {
  kind?: string;
  name?: string;
  pod: string;
  podTemplateHash?: string;
}): PodController {
  const { name, pod, podTemplateHash } = options;
  const kind = options.kind ? canonicalKind(options.kind) : undefined;
  if (
    !kind ||
    !name ||
    kind === 'Node' ||
    kind === 'Pod' ||
    name === '<none>'
  ) {
    return { kind: 'Pod', name: pod };
  }
  if (kind === 'ReplicaSet') {
    if (podTemplateHash && name.endsWith(`-${podTemplateHash}`)) {
      return {
        kind: 'Deployment',
        name: name.slice(0, -(podTemplateHash.length + 1)),
      };
    }
    if (!podTemplateHash && TEMPLATE_HASH.test(name)) {
      return { kind: 'Deployment', name: name.replace(TEMPLATE_HASH, '') };
    }
    return { kind, name };
  }
  if (kind === 'Job') {
    const cron = CRONJOB_JOB.exec(name);
    if (cron) return { kind: 'CronJob', name: cron[1] };
  }
  return { kind, name };
}
