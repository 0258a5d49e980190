import { schema, type Database } from '@board/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { users, volunteerProfiles, volunteerSkills } = schema;

/** SQL for the person's view of themselves (`loadMe`): their account fields and volunteer profile. */
export const ownViewRepository = {
  /** a live account's own fields, or null */
  async account(tx: Database, userId: string) {
    const [user] = await tx
      .select({
        ...columns(users, 'id', 'email', 'emailVerifiedAt', 'displayName', 'language', 'notificationEmail', 'phone'),
        hasPassword: sql<boolean>`(${users.passwordHash} is not null)`.mapWith(Boolean),
      })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    return user ?? null;
  },

  async volunteerProfile(tx: Database, userId: string) {
    const [profile] = await tx
      .select({
        interestCategories: volunteerProfiles.interestCategories,
        municipalityCodes: volunteerProfiles.municipalityCodes,
        availability: volunteerProfiles.availability,
        availabilitySlots: volunteerProfiles.availabilitySlots,
        languages: volunteerProfiles.languages,
        onlineOk: volunteerProfiles.onlineOk,
        hoursPerMonth: volunteerProfiles.hoursPerMonth,
        suggestable: volunteerProfiles.suggestable,
        bio: volunteerProfiles.bio,
        showThanks: volunteerProfiles.showThanks,
      })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.userId, userId));
    return profile ?? null;
  },

  /** the volunteer's skills of the vocabulary, with their level */
  async volunteerSkills(tx: Database, userId: string) {
    return tx
      .select({ key: volunteerSkills.skillKey, level: volunteerSkills.level })
      .from(volunteerSkills)
      .where(eq(volunteerSkills.userId, userId))
      .orderBy(asc(volunteerSkills.skillKey));
  },
};
