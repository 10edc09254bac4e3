import { z } from 'zod';
import { EVENT_LIMITS as L } from '../events';
import { ConfiguredNodePrice } from './prices';

const price = z.number().finite().min(0).max(L.price);

/**
 * One `platform.cost.prices` entry (docs/cost-model.md, "Prices").
 *
 * @public
 */
export const configuredNodePriceSchema = z.strictObject({
  instanceType: z
    .string()
    .trim()
    .min(1)
    .max(L.kubernetesName)
    .refine(v => !v.slice(0, -1).includes('*'), {
      message:
        'a "*" may only end the instance type (m6i.*, or * for every node)',
    }),
  capacityType: z.enum(['on-demand', 'spot']).optional(),
  cpuCoreHourPrice: price,
  memoryGibHourPrice: price,
});

/**
 * `platform.cost.prices`: a list of entries, no two for the same instance type
 * (compared case-insensitively) and capacity type.
 *
 * @public
 */
export const nodePricesConfigSchema = z
  .array(configuredNodePriceSchema)
  .max(10_000)
  .superRefine((entries, ctx) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      const key = `${entry.instanceType.toLowerCase()}/${
        entry.capacityType ?? 'any'
      }`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'instanceType'],
          message: `repeats entry ${first} (${entry.instanceType}${
            entry.capacityType ? `, ${entry.capacityType}` : ''
          })`,
        });
      } else {
        seen.set(key, i);
      }
    });
  });

/**
 * Reads `platform.cost.prices` from a config value (`config.getOptional(...)`):
 * `[]` when absent; otherwise the entries, or an Error naming the first
 * problems by path, e.g. `platform.cost.prices[2].cpuCoreHourPrice: ...`.
 *
 * @public
 */
export function parseNodePricesConfig(
  value: unknown,
  path = 'platform.cost.prices',
): ConfiguredNodePrice[] {
  if (value === undefined || value === null) return [];
  const parsed = nodePricesConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map(issue => {
    const where = issue.path
      .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('');
    return `${path}${where}: ${issue.message}`;
  });
  throw new Error(`Invalid ${path}: ${problems.join('; ')}`);
}
