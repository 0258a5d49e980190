import { schema, type Database } from '@board/db';
import { inArray } from 'drizzle-orm';
import { applicationRepository } from '../applications/repository.ts';
import { associationSide } from '../applications/views.ts';
import type { ContactRow } from './rows.ts';

type Contactable = {
  associationId: string;
  municipalityCode: string;
  createdBy: string | null;
  postedByMunicipality: boolean;
};

/** whose contact a request shows now (for the audit entry of a look-up); null: the ward's desk or nobody */
export type WithContactPerson<T> = T & ContactRow & { contactUserId: string | null };

/**
 * The contact a request shows, as of now: the officer who posted it while they still are an
 * officer of the association, else a current officer of it (the longest-serving), else the
 * ward's contact desk (municipality setting `contactDesk`, as the name), else none. An officer
 * who was removed is never shown again. A request the ward posted on the association's behalf
 * always shows the desk (its officers are not online; the ward answers for them).
 */
export async function withCurrentContact<T extends Contactable>(
  tx: Database,
  rows: T[],
): Promise<WithContactPerson<T>[]> {
  if (rows.length === 0) return [];
  const sideOf = await associationSide(applicationRepository(tx), rows);
  const codes = [...new Set(rows.map((r) => r.municipalityCode))];
  const desks = await tx
    .select({ code: schema.municipalities.code, settings: schema.municipalities.settings })
    .from(schema.municipalities)
    .where(inArray(schema.municipalities.code, codes));
  return rows.map((row) => {
    const [person] = row.postedByMunicipality ? [] : sideOf(row);
    if (person) {
      return {
        ...row,
        contactName: person.displayName,
        contactEmail: person.email,
        contactPhone: person.phone,
        contactUserId: person.userId,
      };
    }
    const desk = desks.find((d) => d.code === row.municipalityCode)?.settings.contactDesk?.trim();
    return { ...row, contactName: desk || null, contactEmail: null, contactPhone: null, contactUserId: null };
  });
}

/** The same for one request. */
export async function withCurrentContactOne<T extends Contactable>(
  tx: Database,
  row: T,
): Promise<WithContactPerson<T>> {
  return (await withCurrentContact(tx, [row]))[0]!;
}
