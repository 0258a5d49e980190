import { sql, type SQL } from 'drizzle-orm';

/**
 * Values as one PostgreSQL array parameter (`{"a","b"}`), to cast in SQL (`::text[]`, `::uuid[]`,
 * `::timestamptz[]`): drizzle spreads a JS array into a list of parameters, which makes a new
 * statement text for every length. Each value is quoted as PostgreSQL reads
 * array literals (a backslash before `"` and `\`), so commas, braces, quotes and newlines are safe.
 */
export const arrayParameter = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** A text[] as one parameter (one statement text whatever the length), the same on postgres.js and PGlite. */
export const textArray = (values: readonly string[]): SQL => sql`${arrayParameter(values)}::text[]`;
