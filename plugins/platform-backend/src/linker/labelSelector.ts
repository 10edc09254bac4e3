import {
  isKubernetesLabelKey,
  isKubernetesLabelValue,
} from '@goldenpath/plugin-platform-common';

/**
 * One requirement of a Kubernetes label selector. `a=b` and `a==b` are
 * `in (b)`; `a!=b` is `notin (b)`.
 */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export type ParsedLabelSelector =
  | { requirements: LabelRequirement[]; error?: undefined }
  | { requirements?: undefined; error: string };

const KEY = String.raw`[^\s!=(),<>]+`;
const EXISTS = new RegExp(`^(${KEY})$`);
const NOT_EXISTS = new RegExp(String.raw`^!\s*(${KEY})$`);
const EQUALITY = new RegExp(
  String.raw`^(${KEY})\s*(==|!=|=)\s*([^\s!=(),<>]*)$`,
);
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);

/**
 * Parses a selector in the syntax `kubectl -l` and the Backstage Kubernetes
 * plugin's `backstage.io/kubernetes-label-selector` accept: comma-separated
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a` and `!a`, all of
 * which must hold. `>` and `<` (numeric, for node affinity) are refused, as is
 * an empty selector: it would claim every pod.
 */
export function parseLabelSelector(text: string): ParsedLabelSelector {
  const parts = splitOutsideParentheses(text);
  if (!parts) return { error: 'unbalanced parentheses' };
  if (parts.every(p => p.trim() === '')) return { error: 'empty selector' };
  const requirements: LabelRequirement[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const requirement = parseRequirement(part);
    if (typeof requirement === 'string') {
      return { error: `"${part.slice(0, 100)}": ${requirement}` };
    }
    requirements.push(requirement);
  }
  return { requirements };
}

function parseRequirement(part: string): LabelRequirement | string {
  const requirement = shapeOf(part);
  if (typeof requirement === 'string') return requirement;
  if (!isKubernetesLabelKey(requirement.key)) {
    return `"${requirement.key.slice(0, 100)}" is not a Kubernetes label key`;
  }
  if ('values' in requirement) {
    const bad = requirement.values.find(v => !isKubernetesLabelValue(v));
    if (bad !== undefined) {
      return `"${bad.slice(0, 100)}" is not a Kubernetes label value`;
    }
  }
  return requirement;
}

/** The requirement a part spells (or why it spells none), before its key and values are checked. */
function shapeOf(part: string): LabelRequirement | string {
  const notExists = NOT_EXISTS.exec(part);
  if (notExists) return { key: notExists[1], op: 'notexists' };
  const exists = EXISTS.exec(part);
  if (exists) return { key: exists[1], op: 'exists' };
  const equality = EQUALITY.exec(part);
  if (equality) {
    const op = equality[2] === '!=' ? 'notin' : 'in';
    return { key: equality[1], op, values: [equality[3]] };
  }
  const set = SET.exec(part);
  if (set) {
    const op = set[2] as 'in' | 'notin';
    if (set[3].trim() === '') return `"${op}" needs at least one value`;
    return { key: set[1], op, values: set[3].split(',').map(v => v.trim()) };
  }
  return 'not a requirement (expected a=b, a!=b, a in (x,y), a notin (x,y), a or !a)';
}

/** Splits on commas that are not inside `( )`; undefined if they do not balance. */
function splitOutsideParentheses(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) return undefined;
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

/** Whether labels satisfy every requirement (Kubernetes semantics: `!=` and `notin` also hold when the label is absent). */
export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string>,
): boolean {
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key]);
      case 'notin':
        return !has || !r.values.includes(labels[r.key]);
      default:
        return false;
    }
  });
}
