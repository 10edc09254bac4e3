import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CANONICAL_EVENT_TYPES,
  CanonicalEventType,
  isoTimestamp,
} from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { EventQuery } from '../database/EventStore';
import { DoraRequest } from '../dora/DoraService';

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

function parseQuery<T extends z.ZodType>(
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

const entityRefParam = z.string().transform((value, ctx) => {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'component' }),
    ).toLowerCase();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const typeList = z
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

const eventListQuery = z.strictObject({
  entityRef: entityRefParam.optional(),
  type: typeList.optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  unlinked: z.enum(['true', 'false']).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
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

const doraQuery = z.strictObject({
  entityRef: entityRefParam,
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  environment: z.string().trim().min(1).max(100).optional(),
  leadTimeStart: z.enum(['commit', 'merge']).optional(),
  excludeWeekends: z.enum(['true', 'false']).optional(),
  tierModel: z.enum(['2024', '2023']).optional(),
});

/** Parses the DORA routes' query; a bad or missing parameter is a 400 naming it. */
export function parseDoraQuery(query: unknown): DoraRequest {
  const { excludeWeekends, ...rest } = parseQuery(doraQuery, query);
  return {
    ...rest,
    ...(excludeWeekends ? { excludeWeekends: excludeWeekends === 'true' } : {}),
  };
}
