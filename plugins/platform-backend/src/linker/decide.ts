import { ANNOTATIONS } from '@goldenpath/plugin-platform-common';

/** The outcome of resolving one subject. */
export type LinkResult =
  | { entityRef: string; reason?: undefined }
  | { entityRef?: undefined; reason: string };

/** An entity a subject may link to. */
export interface Candidate {
  ref: string;
  /** `goldenpath.dev/clusters`: narrows several candidates to one. */
  clusters: string[];
}

/**
 * One candidate links; several are narrowed to those listing the subject's
 * cluster in `goldenpath.dev/clusters`; any other count is a reason.
 */
export function decide(
  found: Candidate[],
  cluster: string | undefined,
  what: string,
): LinkResult {
  let candidates = found;
  if (candidates.length > 1 && cluster) {
    candidates = candidates.filter(c => c.clusters.includes(cluster));
  }
  if (candidates.length === 1) return { entityRef: candidates[0].ref };
  if (found.length === 0) return { reason: `no catalog entity has ${what}` };
  const refs = (candidates.length ? candidates : found)
    .map(c => c.ref)
    .sort()
    .slice(0, 5)
    .join(', ');
  if (candidates.length === 0) {
    return {
      reason: `${found.length} catalog entities have ${what} (${refs}) and none lists cluster ${cluster} in ${ANNOTATIONS.clusters}; send entityRef or list the clusters`,
    };
  }
  return {
    reason: `${candidates.length} catalog entities have ${what} (${refs}); send entityRef or a more specific subject`,
  };
}
