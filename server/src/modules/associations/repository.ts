import { schema, type Database } from '@board/db';
import type { Association, AssociationOfficer, RubyText } from '@board/shared';
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { liveOfficersOf } from '../accounts/roles-repository.ts';
import { textsWithoutReadings } from '../../database/readings.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { mailAddress } from '../notifications/recipients.ts';

const { associations, roleAssignments, users } = schema;

const associationColumns = columns(associations, 'id', 'municipalityCode', 'name', 'area', 'households', 'createdAt');

function view(row: { createdAt: Date } & Omit<Association, 'createdAt'>): Association {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Where a listing may look; `null` fields mean "no limit on this". */
export interface AssociationFilter {
  municipalityCode?: string | undefined;
  /** the actor's list scope: rows in these municipalities or these associations */
  scope?: { municipalityCodes: string[]; associationIds: string[] } | undefined;
}

/** SQL for 町会・自治会. Runs inside the caller's transaction (row-level security as the actor). */
export function associationRepository(tx: Database) {
  return {
    async list(filter: AssociationFilter): Promise<Association[]> {
      const conditions: (SQL | undefined)[] = [];
      if (filter.municipalityCode) conditions.push(eq(associations.municipalityCode, filter.municipalityCode));
      if (filter.scope) {
        const { municipalityCodes, associationIds } = filter.scope;
        const within = [
          municipalityCodes.length ? inArray(associations.municipalityCode, municipalityCodes) : undefined,
          associationIds.length ? inArray(associations.id, associationIds) : undefined,
        ].filter((c): c is SQL => c !== undefined);
        if (within.length === 0) return [];
        conditions.push(or(...within));
      }
      const rows = await tx
        .select(associationColumns)
        .from(associations)
        .where(and(...conditions))
        .orderBy(asc(associations.municipalityCode), asc(associations.name), asc(associations.id));
      return rows.map(view);
    },

    async find(id: string): Promise<Association | null> {
      const [row] = await tx.select(associationColumns).from(associations).where(eq(associations.id, id));
      return row ? view(row) : null;
    },

    /** Associations with kanji in their name whose readings were never made (registered before issue 13). */
    withoutNameReadings: (limit: number) =>
      textsWithoutReadings(
        tx,
        { table: associations, id: associations.id, text: associations.name, ruby: associations.nameRuby },
        limit,
      ),

    async setNameRuby(id: string, nameRuby: RubyText | null): Promise<void> {
      await tx.update(associations).set({ nameRuby }).where(eq(associations.id, id));
    },

    async insert(values: {
      municipalityCode: string;
      name: string;
      nameRuby: RubyText | null;
      area: string;
      households: number | null;
    }): Promise<Association> {
      const [row] = await tx.insert(associations).values(values).returning(associationColumns);
      return view(row!);
    },

    /** The association's officers (accounts not deleted), longest-serving first. */
    async officers(associationId: string): Promise<AssociationOfficer[]> {
      const rows = await tx
        .select({ userId: users.id, displayName: users.displayName, since: roleAssignments.createdAt })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(liveOfficersOf(associationId))
        .orderBy(asc(roleAssignments.createdAt), asc(users.id));
      return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
    },

    /** Removes the officer role for this association; false when the person did not have it. */
    async removeOfficer(associationId: string, userId: string): Promise<boolean> {
      const rows = await tx
        .delete(roleAssignments)
        .where(
          and(
            eq(roleAssignments.role, 'officer'),
            eq(roleAssignments.associationId, associationId),
            eq(roleAssignments.userId, userId),
          ),
        )
        .returning({ id: roleAssignments.id });
      return rows.length > 0;
    },

    /** Where to tell a person about their roles: address, language, and the municipality's names. */
    async mailTarget(userId: string, municipalityCode: string) {
      const [person] = await tx
        .select({
          email: mailAddress,
          language: users.language,
        })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
      const municipality = await municipalityRepository(tx).find(municipalityCode);
      return person?.email && municipality ? { email: person.email, language: person.language, municipality } : null;
    },
  };
}
