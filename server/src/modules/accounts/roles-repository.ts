import { rowsOf, schema, type Database } from '@board/db';
import type { Actor, RoleGrant } from '@board/shared';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { users, roleAssignments, municipalities, associations } = schema;

/**
 * The officer hats of live (not deleted) accounts in these associations: the condition of a
 * query from `role_assignments` joined with `users` on the holder.
 */
export function liveOfficersOf(associationIds: string | string[]): SQL | undefined {
  return and(
    eq(roleAssignments.role, 'officer'),
    typeof associationIds === 'string'
      ? eq(roleAssignments.associationId, associationIds)
      : inArray(roleAssignments.associationId, associationIds),
    isNull(users.deletedAt),
  );
}

/** The one place that reads which hats a person wears. */
export const rolesRepository = {
  /**
   * The person and their roles (it runs on every signed-in API request), if the account is live
   * and the session (refresh-token family) has not ended: else null. The function session_actor
   * (migration 0038) reads the system-only tables for this one person and returns only hats, so
   * the app's login sends it as one statement, without a system transaction of its own.
   */
  async liveActor(db: Database, userId: string, sessionId: string): Promise<Actor | null> {
    const rows = rowsOf<RoleGrant | { role: null }>(
      await db.execute(
        sql`select role, municipality_code as "municipalityCode", association_id as "associationId" from session_actor(${userId}::uuid, ${sessionId}::uuid)`,
      ),
    );
    if (rows.length === 0) return null;
    return { userId, roles: rows.filter((r): r is RoleGrant => r.role !== null) };
  },

  /** every hat with its municipality's and association's names, oldest first (pages, export) */
  grantsWithNames(tx: Database, userId: string) {
    return tx
      .select({
        ...columns(roleAssignments, 'role', 'municipalityCode', 'associationId'),
        municipalityName: municipalities.nameJa,
        associationName: associations.name,
        since: roleAssignments.createdAt,
      })
      .from(roleAssignments)
      .leftJoin(municipalities, eq(municipalities.code, roleAssignments.municipalityCode))
      .leftJoin(associations, eq(associations.id, roleAssignments.associationId))
      .where(eq(roleAssignments.userId, userId))
      .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
  },
};
