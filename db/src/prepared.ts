import type { Sql } from 'postgres';

/**
 * postgres.js sends a statement with parameters that it has not prepared on that connection in
 * two round trips (Parse + Describe, wait for the parameter types, then Bind + Execute), and
 * drizzle asks for unnamed statements, so every parameterised query paid both. A named prepared
 * statement is one round trip after its first use on a connection, skips parsing (and, once
 * PostgreSQL picks a generic plan, planning), and lets statements sent together pipeline.
 *
 * `preparingClient` returns the same client with drizzle's `prepare: false` overridden, inside
 * transactions and savepoints too. At most `maxStatements` distinct texts are prepared (each one
 * is cached on every connection for its lifetime); further texts run unnamed as before.
 * Not for PgBouncer before 1.21 in transaction mode, which cannot carry named statements from
 * one server connection to another: there, turn it off (DATABASE_PREPARE=0).
 */
export function preparingClient<T extends Sql>(client: T, maxStatements = 1000): T {
  const known = new Set<string>();
  const mayPrepare = (text: string) => {
    if (known.has(text)) return true;
    if (known.size >= maxStatements) return false;
    known.add(text);
    return true;
  };
  const wrap = <C extends object>(sql: C): C =>
    new Proxy(sql, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'unsafe')
          return (text: string, parameters: unknown = [], options: Record<string, unknown> = {}) => {
            // unsafe(text, options) is postgres.js's short form; without parameters it sends a simple query
            if (!Array.isArray(parameters)) return value.call(target, text, [], parameters);
            if (parameters.length === 0) return value.call(target, text, parameters, options);
            return value.call(target, text, parameters, { ...options, prepare: mayPrepare(text) });
          };
        if (property === 'begin' || property === 'savepoint')
          return (...args: unknown[]) => {
            const work = args.pop() as (inner: object) => unknown;
            return value.call(target, ...args, (inner: object) => work(wrap(inner)));
          };
        return value;
      },
    });
  return wrap(client);
}
