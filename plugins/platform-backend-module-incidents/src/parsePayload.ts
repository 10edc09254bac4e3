import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses a payload, or throws `InputError` naming the fields that are wrong. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map(i => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`)
    .join('; ');
  throw new InputError(`invalid ${what} payload: ${problems}`);
}
