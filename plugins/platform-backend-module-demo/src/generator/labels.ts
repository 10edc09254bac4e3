import { POD_LABELS } from '@goldenpath/plugin-platform-common';
import { hashString } from './random';

export type ControllerKind = 'Deployment' | 'StatefulSet';

/** How a team labels its pods: the Backstage label, or the recommended Kubernetes ones (Helm). */
export type LabelStyle = 'backstage' | 'recommended';

/** Chosen from the service's name alone, so a service keeps its labels. */
export function labelStyleFor(serviceName: string): LabelStyle {
  return hashString(`label-style|${serviceName}`) % 2 === 0
    ? 'backstage'
    : 'recommended';
}

/** About one service in four keeps state in a StatefulSet. */
export function controllerKindFor(serviceName: string): ControllerKind {
  return hashString(`controller-kind|${serviceName}`) % 4 === 0
    ? 'StatefulSet'
    : 'Deployment';
}

/**
 * Labels that satisfy the `a=b`, `a==b`, `a in (x, ...)` and `a` requirements
 * of a `backstage.io/kubernetes-label-selector`: the team that wrote the
 * selector labelled its pods to match it. (`!=`, `notin` and `!a` need no
 * label.)
 */
export function labelsRequiredBy(selector: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const raw of selector.split(/,(?![^(]*\))/)) {
    const part = raw.trim();
    const equality = /^([^\s!=()]+)\s*==?\s*([^\s!=(),]*)$/.exec(part);
    const set = /^([^\s!=()]+)\s+in\s*\(\s*([^,)\s]*)/.exec(part);
    const exists = /^([^\s!=()]+)$/.exec(part);
    if (equality) labels[equality[1]] = equality[2];
    else if (set) labels[set[1]] = set[2];
    else if (exists) labels[exists[1]] = '';
  }
  return labels;
}

/** The labels of one pod of a service, as its controller would set them. */
export function podLabels(options: {
  kubernetesId: string;
  style: LabelStyle;
  controllerKind: ControllerKind;
  templateHash: string;
  podName: string;
  labelSelector?: string;
}): Record<string, string> {
  const { kubernetesId, style, controllerKind, templateHash, podName } =
    options;
  const naming: Record<string, string> =
    style === 'backstage'
      ? { [POD_LABELS.kubernetesId]: kubernetesId, app: kubernetesId }
      : {
          [POD_LABELS.appName]: kubernetesId,
          'app.kubernetes.io/instance': kubernetesId,
          'app.kubernetes.io/managed-by': 'Helm',
        };
  const controller: Record<string, string> =
    controllerKind === 'StatefulSet'
      ? {
          'controller-revision-hash': `${kubernetesId}-${templateHash}`,
          'statefulset.kubernetes.io/pod-name': podName,
        }
      : { 'pod-template-hash': templateHash };
  return {
    ...naming,
    ...controller,
    ...(options.labelSelector ? labelsRequiredBy(options.labelSelector) : {}),
  };
}
