import { z } from 'zod';
import { EVENT_LIMITS as L } from './fields';

/** A label name, or a value: alphanumerics, `-`, `_`, `.` inside, alphanumeric at both ends. */
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** A DNS subdomain (RFC 1123), the optional prefix of a label key. */
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Whether a string is a valid Kubernetes label key: `[prefix/]name`, the
 * prefix a DNS subdomain of up to 253 characters, the name up to 63. Kubernetes
 * itself refuses any other key, so a real pod's labels always pass.
 *
 * @public
 */
export function isKubernetesLabelKey(key: string): boolean {
  if (key.length > L.labelKey) return false;
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0 || prefix.length > L.kubernetesName) return false;
    if (!DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length <= L.kubernetesLabel && NAME.test(name);
}

/**
 * Whether a string is a valid Kubernetes label value: empty, or up to 63
 * characters of the label-name alphabet.
 *
 * @public
 */
export function isKubernetesLabelValue(value: string): boolean {
  return value === '' || (value.length <= L.labelValue && NAME.test(value));
}

/**
 * A pod's labels as an event subject carries them: at most 64, each key and
 * value valid as Kubernetes defines them, which also keeps control characters
 * and spaces out. (zod never copies a `__proto__` key.) The count is checked
 * first, so an oversized map gets one message, not one per key.
 */
export const subjectLabelsSchema = z
  .record(z.string(), z.string())
  .superRefine((labels, ctx) => {
    const entries = Object.entries(labels);
    if (entries.length > L.subjectLabels) {
      ctx.addIssue({
        code: 'custom',
        message: `Too big: expected at most ${L.subjectLabels} labels, got ${entries.length}`,
      });
      return;
    }
    for (const [key, value] of entries) {
      if (!isKubernetesLabelKey(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [shortened(key)],
          message: `not a Kubernetes label key ([prefix/]name: prefix a DNS subdomain of up to ${L.kubernetesName}, name up to ${L.kubernetesLabel} of A-Z a-z 0-9 - _ . with alphanumeric ends)`,
        });
      } else if (!isKubernetesLabelValue(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [shortened(key)],
          message: `not a Kubernetes label value (empty, or up to ${L.labelValue} of A-Z a-z 0-9 - _ . with alphanumeric ends)`,
        });
      }
    }
  });

/** A key as error messages name it: long keys cut, so a message stays short. */
function shortened(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}
