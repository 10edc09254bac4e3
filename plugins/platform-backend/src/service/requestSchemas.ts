import { InputError } from '@backstage/errors';
import {
  CANONICAL_EVENT_TYPES,
  CanonicalEventType,
  isoTimestamp,
  normalizeEntityRef,
} from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { EventQuery } from '../eventLog/EventStore';

/**
 * The intake body is `{ "events": [...] }`. Anything else gets a 400 that says
 * what was expected, before any event is looked at.
 */
export function unwrapEventBatch(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'request body must be a JSON object of the form {"events": [ ... ]}',
    );
  }
  const { events } = body as { events?: unknown };
  if (!Array.isArray(events)) {
    throw new InputError('events: required, an array of canonical events');
  }
  if (events.length === 0) {
    throw new InputError('events: must contain at least one event');
  }
  return events;
}

/** Parses a query with a zod schema; the first problem becomes a 400 naming the field. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${issue.path.join('.') || 'query'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** An entity ref query parameter, normalised (kind defaults to component). */
export const entityRefParam = z.string().transform((value, ctx) => {
  try {
    return normalizeEntityRef(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** A comma-separated list of canonical event types. */
export const eventTypeList = z
  .string()
  .transform(value =>
    value
      .split(',')
      .map(t => t.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.enum(
        CANONICAL_EVENT_TYPES as [CanonicalEventType, ...CanonicalEventType[]],
      ),
    ),
  );

/**
 * A whole number written in decimal digits only. `z.coerce.number()` would
 * take `0x10`, `1e2`, ` 5` and `['5']` as numbers.
 */
export const decimalInteger = z
  .string()
  .regex(/^[0-9]{1,15}$/, 'must be a whole number in decimal digits')
  .transform(Number);

const eventListQuery = z.strictObject({
  entityRef: entityRefParam.optional(),
  type: eventTypeList.optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  unlinked: z.enum(['true', 'false']).optional(),
  before: decimalInteger.pipe(z.number().min(1)).optional(),
  limit: decimalInteger.pipe(z.number().min(1).max(1000)).default(100),
});

/** Parses `GET /events` query parameters; a bad one is a 400 naming it. */
export function parseEventListQuery(query: unknown): EventQuery {
  const q = parseQuery(eventListQuery, query);
  return {
    entityRef: q.entityRef,
    types: q.type,
    from: q.from && new Date(q.from).toISOString(),
    to: q.to && new Date(q.to).toISOString(),
    unlinked: q.unlinked === 'true',
    before: q.before,
    limit: q.limit,
  };
}

const activityQuery = z.strictObject({
  entityRef: entityRefParam,
  type: eventTypeList.optional(),
});

/** Parses `GET /activity`: which entity, and optionally which event types. */
export function parseActivityQuery(query: unknown): {
  entityRef: string;
  types?: CanonicalEventType[];
} {
  const q = parseQuery(activityQuery, query);
  return { entityRef: q.entityRef, types: q.type };
}
