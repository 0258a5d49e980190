import { schema, type Database } from '@board/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import type { NotifyRecipient } from './notify.ts';

const { users, roleAssignments } = schema;

/** Where a person's mail goes: their notification address, else the sign-in one (SQL over `users`). */
export const mailAddress = sql<string | null>`coalesce(${users.notificationEmail}, ${users.email})`;

/** Someone to tell, as a select list over `users`: their account, where their mail goes, their language. */
export const recipientColumns = {
  userId: users.id,
  email: mailAddress,
  language: users.language,
};

/** Who to tell, read with system rights (other people's accounts), in the caller's transaction. */
export function recipientRepository(tx: Database) {
  return {
    /** the municipal staff of this municipality (accounts not deleted) */
    staffOf(municipalityCode: string): Promise<NotifyRecipient[]> {
      return elevateWithin(tx, 'read the staff to tell of their municipality’s work', () =>
        tx
          .selectDistinct(recipientColumns)
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(
            and(
              eq(roleAssignments.role, 'municipal_staff'),
              eq(roleAssignments.municipalityCode, municipalityCode),
              isNull(users.deletedAt),
            ),
          ),
      );
    },

    /** these people (accounts not deleted) */
    people(userIds: string[]): Promise<NotifyRecipient[]> {
      if (userIds.length === 0) return Promise.resolve([]);
      return elevateWithin(tx, 'read the people to tell', () =>
        tx
          .select(recipientColumns)
          .from(users)
          .where(and(inArray(users.id, userIds), isNull(users.deletedAt))),
      );
    },
  };
}
