import { schema, type Database } from '@board/db';
import type { Association } from '@board/shared';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';

const { associations, municipalities } = schema;

const columns = {
  id: associations.id,
  municipalityCode: associations.municipalityCode,
  name: associations.name,
  area: associations.area,
  households: associations.households,
  createdAt: associations.createdAt,
};

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
        .select(columns)
        .from(associations)
        .where(and(...conditions))
        .orderBy(asc(associations.municipalityCode), asc(associations.name), asc(associations.id));
      return rows.map(view);
    },

    async find(id: string): Promise<Association | null> {
      const [row] = await tx.select(columns).from(associations).where(eq(associations.id, id));
      return row ? view(row) : null;
    },

    async insert(values: {
      municipalityCode: string;
      name: string;
      area: string;
      households: number | null;
    }): Promise<Association> {
      const [row] = await tx.insert(associations).values(values).returning(columns);
      return view(row!);
    },

    async municipalityExists(code: string): Promise<boolean> {
      const [row] = await tx
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(eq(municipalities.code, code));
      return row !== undefined;
    },
  };
}
