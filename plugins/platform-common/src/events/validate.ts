import { z } from 'zod';
import {
  CANONICAL_EVENT_TYPES,
  CanonicalEvent,
  canonicalEventSchema,
} from './types';

/** @public */
export type EventValidationResult =
  | { ok: true; event: CanonicalEvent }
  | { ok: false; message: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map(issue => {
      const where = issue.path.length ? issue.path.join('.') : 'event';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates one untrusted value as a canonical event and, on failure, says
 * exactly which field is wrong, so a producer can fix its payload.
 *
 * @public
 */
export function validateCanonicalEvent(value: unknown): EventValidationResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'event: must be a JSON object' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return { ok: false, message: 'type: required, a string' };
  }
  if (!(CANONICAL_EVENT_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      message: `type: unknown event type "${type.slice(
        0,
        100,
      )}"; expected one of ${CANONICAL_EVENT_TYPES.join(', ')}`,
    };
  }
  const parsed = canonicalEventSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, message: describeIssues(parsed.error) };
  }
  return { ok: true, event: parsed.data };
}
