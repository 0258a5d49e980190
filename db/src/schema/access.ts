import { sql, type SQL } from 'drizzle-orm';
import { pgRole, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Row-level security building blocks. Every request runs in a transaction that does
 * `SET LOCAL ROLE board_app` and sets these per-transaction settings (see db/src/access-context.ts):
 *   app.user_id               the signed-in person, or ''
 *   app.foundation            'on' for foundation staff (read across all municipalities)
 *   app.staff_municipalities  comma-separated codes the person is municipal staff of
 *   app.officer_associations  comma-separated association ids the person is an officer of
 *   app.system                'on' only for server-internal work (token look-ups, jobs, seeding)
 * Policies declared beside each table combine them; a query that forgets its WHERE still sees
 * only what these allow.
 */
export const boardApp = pgRole('board_app').existing();

export const isSystem = sql`(current_setting('app.system', true) = 'on')`;
export const isFoundation = sql`(current_setting('app.foundation', true) = 'on')`;

export function staffOf(column: AnyPgColumn | SQL): SQL {
  return sql`(${column} = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))`;
}

export function officerOf(column: AnyPgColumn | SQL): SQL {
  return sql`(${column}::text = any(string_to_array(current_setting('app.officer_associations', true), ',')))`;
}

export function isCurrentUser(column: AnyPgColumn | SQL): SQL {
  return sql`(${column}::text = current_setting('app.user_id', true))`;
}

/**
 * The same test for a uuid column, written so that an index on the column can answer it (the
 * setting is cast, not the column; a visitor's '' is null and matches nothing). For subqueries
 * over large tables: `column::text = …` made PostgreSQL read every accepted application to build
 * a hash for each look-up of a person (9 s for a request page at Tokyo scale).
 */
export function isCurrentUserIndexed(column: AnyPgColumn | SQL): SQL {
  return sql`(${column} = nullif(current_setting('app.user_id', true), '')::uuid)`;
}

/**
 * Written by `author`, who is one side of the match: an officer of its association, or its
 * volunteer (messages, thanks and ratings are written by the two sides only).
 */
export function byMatchSide(author: AnyPgColumn, match: { associationId: AnyPgColumn; volunteerId: AnyPgColumn }): SQL {
  return sql`(${isCurrentUser(author)} and (${officerOf(match.associationId)} or ${isCurrentUser(match.volunteerId)}))`;
}

type VolunteerRowAboutRequest = { municipalityCode: AnyPgColumn; associationId: AnyPgColumn; volunteerId: AnyPgColumn };

/**
 * Everyone who reads a volunteer's row about a request (a hand, an invitation to help, a match's
 * story): the volunteer, the association's officers, the municipality's staff, the foundation,
 * and the system. `requestParties` lists them, for a policy that admits others too.
 */
export function requestParties(row: VolunteerRowAboutRequest): SQL[] {
  return [
    isSystem,
    isFoundation,
    staffOf(row.municipalityCode),
    officerOf(row.associationId),
    isCurrentUser(row.volunteerId),
  ];
}

export function requestPartiesOf(row: VolunteerRowAboutRequest): SQL {
  return anyOf(...requestParties(row));
}

type Command = 'select' | 'insert' | 'update' | 'delete' | 'all';

/**
 * A policy of the app's role for one command (or all): rows `condition` admits may be read
 * (`using`) and written (`withCheck`), as far as the command reads or writes rows.
 */
export function policyFor(command: Command, condition: SQL) {
  const reads = command !== 'insert';
  const writes = command === 'insert' || command === 'update' || command === 'all';
  return {
    for: command,
    to: boardApp,
    ...(reads && { using: condition }),
    ...(writes && { withCheck: condition }),
  };
}

/** Only server-internal work (token look-ups, counters, jobs): the whole policy of a system-only table. */
export const systemOnly = policyFor('all', isSystem);

export function anyOf(...conditions: SQL[]): SQL {
  return sql`(${sql.join(conditions, sql` or `)})`;
}
