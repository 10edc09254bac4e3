import { CostRecommendation } from '../../api/types';
import { MIB } from '../format';

/** Whole millicores, as Kubernetes writes them: `250m`. */
export function toMillicores(cores: number): string {
  // The backend rounds up to a whole millicore already; the small epsilon
  // keeps floating-point noise (0.1 × 3 = 0.30000000000000004) at 300m.
  return `${Math.ceil(cores * 1000 - 1e-6)}m`;
}

/** Whole mebibytes: `615Mi`. */
export function toMebibytes(bytes: number): string {
  return `${Math.ceil(bytes / MIB - 1e-9)}Mi`;
}

const specKey = (r: CostRecommendation) =>
  [r.cluster, r.namespace, r.controllerKind, r.controller, r.container].join(
    '\u0000',
  );
const controllerKey = (r: CostRecommendation) =>
  [r.cluster, r.namespace, r.controllerKind, r.controller].join('\u0000');

/** A comment stays one line whatever a name holds. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/**
 * The recommended requests as YAML to paste into each workload's pod
 * template: one document per controller, its `containers` with
 * `resources.requests` (CPU in millicores, memory in Mi). A spec listed in
 * both savings and risks appears once. Sorted by cluster, namespace,
 * controller and container, so the text does not depend on the order of the
 * lists.
 */
export function recommendedRequestsYaml(
  recommendations: readonly CostRecommendation[],
): string {
  const specs = new Map<string, CostRecommendation>();
  for (const recommendation of recommendations) {
    if (!specs.has(specKey(recommendation))) {
      specs.set(specKey(recommendation), recommendation);
    }
  }
  const sorted = [...specs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
    .map(([, recommendation]) => recommendation);

  const documents: string[] = [];
  let current: string | undefined;
  for (const r of sorted) {
    if (controllerKey(r) !== current) {
      current = controllerKey(r);
      documents.push(
        `# ${oneLine(
          `${r.controllerKind} ${r.controller} (cluster ${r.cluster}, namespace ${r.namespace})`,
        )}\ncontainers:\n`,
      );
    }
    documents[documents.length - 1] +=
      `  - name: ${r.container}\n` +
      `    resources:\n` +
      `      requests:\n` +
      `        cpu: ${toMillicores(r.cpu.recommendedRequest)}\n` +
      `        memory: ${toMebibytes(r.memory.recommendedRequest)}\n`;
  }
  return documents.join('---\n');
}
