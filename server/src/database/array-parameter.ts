/**
 * Values as one PostgreSQL array parameter (`{"a","b"}`), to cast in SQL (`::text[]`, `::uuid[]`,
 * `::timestamptz[]`): drizzle spreads a JS array into a list of parameters, which makes a new
 * statement text for every length. Each value is quoted, so commas, braces and quotes are safe.
 */
export const arrayParameter = (values: readonly string[]): string =>
  `{${values.map((v) => JSON.stringify(v)).join(',')}}`;
