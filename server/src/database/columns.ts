import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Some columns of one table under their own names, for a select list:
 * `tx.select(columns(users, 'id', 'email'))`, or spread beside computed and joined ones:
 * `tx.select({ ...columns(thanks, 'id', 'body'), requestTitle: helpRequests.title })`.
 * The names are checked against the table; the row type follows from the columns.
 */
export function columns<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  ...names: K[]
): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T['_']['columns'], K>;
}
