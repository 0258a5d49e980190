import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isCurrentUserIndexed, officerOf, staffOf } from './access.ts';

/*
 * Who may read a person's row (users, volunteer_profiles) besides the person, foundation staff
 * and system work: only whom the product already shows them. The subqueries name tables by their
 * SQL names (the schema files import users, so importing them back would be circular) and run
 * under the reader's own row-level security, so each one sees only rows the reader may see.
 */

const ra = (column: string) => sql.raw(`"ra"."${column}"`);
const a = (column: string) => sql.raw(`"a"."${column}"`);

/** a hat in the reader's municipality (staff) or in the reader's association (fellow officers) */
export function holdsHatNearReader(person: AnyPgColumn): SQL {
  return sql`exists (select 1 from "role_assignments" "ra" where ${ra('user_id')} = ${person} and (${staffOf(ra('municipality_code'))} or ${officerOf(ra('association_id'))}))`;
}

/** raised a hand on a request of the reader's association (officers) or municipality (staff) */
export function appliedToReader(person: AnyPgColumn): SQL {
  return sql`exists (select 1 from "applications" "a" where ${a('volunteer_id')} = ${person} and (${staffOf(a('municipality_code'))} or ${officerOf(a('association_id'))}))`;
}

/** posted a request on which the reader (a volunteer) was accepted: the matched counterpart */
export function postedReadersMatch(person: AnyPgColumn): SQL {
  return sql`exists (select 1 from "applications" "a" join "help_requests" "r" on "r"."id" = ${a('request_id')} where "r"."created_by" = ${person} and ${isCurrentUserIndexed(a('volunteer_id'))} and ${a('status')} = 'accepted')`;
}

/** wrote a message or an audit entry the reader may read (thread and audit log show the author's name) */
export function authoredWhatReaderReads(person: AnyPgColumn): SQL {
  return sql`(exists (select 1 from "messages" "m" where "m"."sender_id" = ${person}) or exists (select 1 from "audit_log" "l" where "l"."actor_id" = ${person}))`;
}
