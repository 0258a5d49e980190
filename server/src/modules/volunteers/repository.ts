import { schema, type Database } from '@board/db';
import { and, desc, eq } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { thanks, associations } = schema;

/** At most this many thank-you notes on a profile (newest first). */
export const profileThanksLimit = 50;

/** SQL for the volunteer's public profile. Thank-you notes are readable by everyone (row-level security). */
export function volunteerRepository(tx: Database) {
  return {
    async thanksReceived(volunteerId: string) {
      return tx
        .select({
          ...columns(thanks, 'body', 'municipalityCode', 'createdAt'),
          associationName: associations.name,
        })
        .from(thanks)
        .innerJoin(associations, eq(associations.id, thanks.associationId))
        .where(and(eq(thanks.volunteerId, volunteerId), eq(thanks.toVolunteer, true)))
        .orderBy(desc(thanks.createdAt), desc(thanks.id))
        .limit(profileThanksLimit);
    },
  };
}
