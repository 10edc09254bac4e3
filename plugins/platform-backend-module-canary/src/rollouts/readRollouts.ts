import { KubernetesApi, KubernetesApiError } from '../kubernetes/KubernetesApi';
import { KUBERNETES_ID_LABEL, KubernetesComponent, runsIn } from './components';
import {
  RolloutUpdatedEvent,
  currentAnalysisRunName,
  mapRollout,
} from './mapRollout';
import { z } from 'zod';
import {
  AnalysisRun,
  ROLLOUT_PATHS,
  Rollout,
  analysisRunSchema,
  rolloutSchema,
} from './types';

export interface ClusterRollouts {
  events: RolloutUpdatedEvent[];
  problems: string[];
  installed: boolean;
}

function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  problems: string[],
): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(
    `${what}: not the expected shape (${result.error.issues
      .slice(0, 2)
      .map(i => `${i.path.join('.')}: ${i.message}`)
      .join('; ')})`,
  );
  return undefined;
}

function parseRollouts(items: unknown[], problems: string[]): Rollout[] {
  return items.flatMap((item, i) => {
    const rollout = parse(rolloutSchema, item, `Rollout ${i}`, problems);
    return rollout ? [rollout] : [];
  });
}

/**
 * The Rollouts of one cluster that belong to the given components, with
 * their current AnalysisRuns, as `rollout.updated` events. Rollouts labelled
 * `backstage.io/kubernetes-id` come from one list of the whole cluster;
 * components with a label selector are listed with it. A 404 on the list
 * means Argo Rollouts is not installed there.
 */
export async function readClusterRollouts(options: {
  api: KubernetesApi;
  components: KubernetesComponent[];
  signal?: AbortSignal;
  now?: () => number;
}): Promise<ClusterRollouts> {
  const { api, signal } = options;
  const cluster = api.cluster.name;
  const problems: string[] = [];
  const here = options.components.filter(c => runsIn(c, cluster));
  if (here.length === 0) return { events: [], problems, installed: true };

  const matches: Array<{ component: KubernetesComponent; rollout: Rollout }> =
    [];
  if (here.some(c => c.kubernetesId)) {
    const all = await api.listIfInstalled<unknown>(ROLLOUT_PATHS.rollouts, {
      signal,
    });
    if (!all) return { events: [], problems, installed: false };
    const rollouts = parseRollouts(all, problems);
    for (const component of here.filter(c => c.kubernetesId)) {
      for (const rollout of rollouts) {
        const { labels = {}, namespace } = rollout.metadata;
        if (labels[KUBERNETES_ID_LABEL] !== component.kubernetesId) continue;
        if (component.namespace && namespace !== component.namespace) continue;
        matches.push({ component, rollout });
      }
    }
  }
  for (const component of here.filter(c => c.labelSelector)) {
    const path = component.namespace
      ? ROLLOUT_PATHS.namespacedRollouts(component.namespace)
      : ROLLOUT_PATHS.rollouts;
    const items = await api.listIfInstalled<unknown>(path, {
      labelSelector: component.labelSelector,
      signal,
    });
    if (!items) return { events: [], problems, installed: false };
    for (const rollout of parseRollouts(items, problems)) {
      matches.push({ component, rollout });
    }
  }

  const runs = new Map<string, AnalysisRun | undefined>();
  const events: RolloutUpdatedEvent[] = [];
  for (const { component, rollout } of matches) {
    const runName = currentAnalysisRunName(rollout);
    const key = `${rollout.metadata.namespace}/${runName}`;
    if (runName && !runs.has(key)) {
      runs.set(
        key,
        await readAnalysisRun(
          api,
          rollout.metadata.namespace,
          runName,
          problems,
          signal,
        ),
      );
    }
    events.push(
      mapRollout({
        cluster,
        entityRef: component.entityRef,
        rollout,
        analysisRun: runName ? runs.get(key) : undefined,
        now: options.now,
      }),
    );
  }
  return { events, problems, installed: true };
}

async function readAnalysisRun(
  api: KubernetesApi,
  namespace: string,
  name: string,
  problems: string[],
  signal?: AbortSignal,
): Promise<AnalysisRun | undefined> {
  try {
    const raw = await api.get<unknown>(
      ROLLOUT_PATHS.analysisRun(namespace, name),
      signal,
    );
    return parse(
      analysisRunSchema,
      raw,
      `AnalysisRun ${namespace}/${name}`,
      problems,
    );
  } catch (error) {
    if (error instanceof KubernetesApiError && error.status === 404) {
      problems.push(
        `AnalysisRun ${namespace}/${name} is gone: its metrics are left out`,
      );
      return undefined;
    }
    throw error;
  }
}
