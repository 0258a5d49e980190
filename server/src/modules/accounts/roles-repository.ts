import { schema, type Database } from '@board/db';
import type { Actor, RoleGrant } from '@board/shared';
import { and, asc, eq, exists, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { users, roleAssignments, refreshTokens, municipalities, associations } = schema;

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
   * The person and their roles, in one query (it runs on every API request), if the account is
   * live and the session (refresh-token family) has not ended: else null.
   */
  async liveActor(tx: Database, userId: string, sessionId: string): Promise<Actor | null> {
    const rows = await tx
      .select(columns(roleAssignments, 'role', 'municipalityCode', 'associationId'))
      .from(users)
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(
          eq(users.id, userId),
          isNull(users.deletedAt),
          exists(
            tx
              .select({ one: sql`1` })
              .from(refreshTokens)
              .where(
                and(
                  eq(refreshTokens.familyId, sessionId),
                  eq(refreshTokens.userId, users.id),
                  isNull(refreshTokens.revokedAt),
                  gt(refreshTokens.expiresAt, sql`now()`),
                ),
              ),
          ),
        ),
      );
    if (rows.length === 0) return null;
    return { userId, roles: rows.filter((r) => r.role !== null) as RoleGrant[] };
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
