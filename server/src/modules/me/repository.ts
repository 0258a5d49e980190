import { schema, type Database } from '@board/db';
import type { Language, Role, VolunteerProfile } from '@board/shared';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { rolesRepository } from '../accounts/roles-repository.ts';
import { elevateWithin } from '../../database/door.ts';

const {
  users,
  roleAssignments,
  volunteerProfiles,
  volunteerSkills,
  municipalities,
  helpRequests,
  refreshTokens,
  oneTimeTokens,
  invitations,
  notifications,
  notificationPreferences,
  notificationDigests,
  calendarFeeds,
} = schema;

export interface GrantValues {
  role: Role;
  municipalityCode: string | null;
  associationId: string | null;
}

/** Shown instead of the name of a person who deleted their account. */
export const deletedDisplayName = '退会したユーザー';

/** a live account's own fields (the data export adds phone and creation time) */
const accountColumns = columns(
  users,
  'id',
  'email',
  'emailVerifiedAt',
  'passwordHash',
  'displayName',
  'language',
  'notificationEmail',
);

/**
 * SQL for people: accounts, their hats and volunteer profiles. Runs inside the caller's
 * transaction; `users` and `volunteer_profiles` have no row-level security, so every statement
 * here names the person it is about.
 */
export function accountRepository(tx: Database) {
  return {
    /** an account that was not deleted, with what deleting and accepting need */
    async findActive(userId: string) {
      const [row] = await tx
        .select(accountColumns)
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
      return row ?? null;
    },

    async findActiveByEmail(email: string) {
      const [row] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), isNull(users.deletedAt)));
      return row ?? null;
    },

    /** a new account; null when the email is taken (e.g. signed up a moment ago) */
    async insertUser(values: {
      email: string;
      displayName: string;
      language: Language;
      passwordHash: string | null;
      /** the address is proven already (an invitation link was opened, an operator vouched): stamped now */
      emailVerified: boolean;
    }): Promise<string | null> {
      const { emailVerified, ...account } = values;
      const [row] = await tx
        .insert(users)
        .values({ ...account, emailVerifiedAt: emailVerified ? sql`now()` : null })
        .onConflictDoNothing()
        .returning({ id: users.id });
      return row?.id ?? null;
    },

    /** adds a hat; false when the person already wore it */
    async grantRole(userId: string, grant: GrantValues): Promise<boolean> {
      const rows = await tx
        .insert(roleAssignments)
        .values({ userId, ...grant })
        .onConflictDoNothing()
        .returning({ id: roleAssignments.id });
      return rows.length > 0;
    },

    /** does the (not deleted) account with this email already wear exactly this hat? */
    async emailHoldsRole(email: string, grant: GrantValues): Promise<boolean> {
      const rows = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(users.email, email),
            isNull(users.deletedAt),
            eq(roleAssignments.role, grant.role),
            grant.municipalityCode === null
              ? isNull(roleAssignments.municipalityCode)
              : eq(roleAssignments.municipalityCode, grant.municipalityCode),
            grant.associationId === null
              ? isNull(roleAssignments.associationId)
              : eq(roleAssignments.associationId, grant.associationId),
          ),
        );
      return rows.length > 0;
    },

    async updateAccount(
      userId: string,
      fields: Partial<{
        displayName: string;
        language: Language;
        notificationEmail: string | null;
        phone: string | null;
      }>,
    ) {
      if (Object.keys(fields).length === 0) return;
      await tx
        .update(users)
        .set(fields)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    },

    /** the profile row and the volunteer's skills, replaced as a whole */
    async saveVolunteerProfile(userId: string, { skills, ...profile }: VolunteerProfile) {
      const values = { ...profile, updatedAt: sql`now()` };
      await tx
        .insert(volunteerProfiles)
        .values({ userId, ...values })
        .onConflictDoUpdate({ target: volunteerProfiles.userId, set: values });
      await tx.delete(volunteerSkills).where(eq(volunteerSkills.userId, userId));
      if (skills.length > 0) {
        await tx.insert(volunteerSkills).values(skills.map((s) => ({ userId, skillKey: s.key, level: s.level })));
      }
    },

    /** which of these municipality codes exist */
    async knownMunicipalities(codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await tx
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(inArray(municipalities.code, codes));
      return new Set(rows.map((r) => r.code));
    },

    /** everything kept about the person that their own access may read (see MyDataExport) */
    async exportData(userId: string) {
      const [account] = await tx
        .select({ ...accountColumns, ...columns(users, 'phone', 'createdAt') })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
      const roles = await rolesRepository.grantsWithNames(tx, userId);
      const requests = await tx
        .select(columns(helpRequests, 'id', 'title', 'status', 'municipalityCode', 'associationId', 'createdAt'))
        .from(helpRequests)
        .where(eq(helpRequests.createdBy, userId))
        .orderBy(asc(helpRequests.createdAt));
      // refresh tokens are system-only (migration 0010): the person's own sessions, named by id
      const sessions = await elevateWithin(tx, 'list own sessions for the data export', () =>
        tx
          .select(columns(refreshTokens, 'createdAt', 'expiresAt', 'rotatedAt', 'revokedAt'))
          .from(refreshTokens)
          .where(eq(refreshTokens.userId, userId))
          .orderBy(desc(refreshTokens.createdAt)),
      );
      return account ? { account, roles, requests, sessions } : null;
    },

    async roleAssignmentsOf(userId: string): Promise<GrantValues[]> {
      const grants = await rolesRepository.grantsWithNames(tx, userId);
      return grants.map(({ role, municipalityCode, associationId }) => ({ role, municipalityCode, associationId }));
    },

    /**
     * Deletes an account by anonymising it: contact details, password and profile go, every hat
     * and every token is removed, their notifications, mail choices and calendar feed go, invitations
     * they accepted forget the address; the row stays so requests they wrote and audit entries keep
     * pointing at "退会したユーザー".
     */
    async anonymise(userId: string) {
      await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
      await tx.delete(volunteerProfiles).where(eq(volunteerProfiles.userId, userId));
      await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
      await tx.delete(notifications).where(eq(notifications.recipientId, userId));
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      await tx.delete(notificationDigests).where(eq(notificationDigests.userId, userId));
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      await tx.update(invitations).set({ email: '' }).where(eq(invitations.acceptedBy, userId));
      await tx
        .update(users)
        .set({
          displayName: deletedDisplayName,
          email: null,
          emailVerifiedAt: null,
          passwordHash: null,
          notificationEmail: null,
          phone: null,
          deletedAt: sql`now()`,
        })
        .where(eq(users.id, userId));
    },
  };
}
