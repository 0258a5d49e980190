import { z } from 'zod';

/**
 * The API's lists: their query strings and their pages. Forms without JavaScript send every field, empty ones as '';
 * '' means "not set" (`blank`, `unlessBlank`). Lists come as `a,b` or `?x=a&x=b`.
 */

/** '' (a GET form's empty field) is "not set"; anything else must pass `schema`, with its own error code. */
export const unlessBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const blank = z.literal('').transform(() => undefined);
/** `a,b` or `?x=a&x=b` (or both) → ['a', 'b'] */
export const listOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(z.array(item).max(max, { error: 'TOO_MANY' }))
    .optional();
export const flag = z
  .enum(['1', '0', 'true', 'false', 'on', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'on')
  .optional();
export const limit = (max: number, fallback: number) =>
  z
    .union([blank, z.coerce.number().int().min(1).max(max)])
    .optional()
    .transform((v) => v ?? fallback);
export const cursor = z.union([blank, z.string().max(300)]).optional();

/** One page of a keyset-paged list: pass `nextCursor` back as `cursor` for the next (null: no more). */
export const keysetPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
