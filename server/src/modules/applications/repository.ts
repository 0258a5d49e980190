import { schema, type Database } from '@board/db';
import {
  applicationTransitions,
  type ApplicationStage,
  type ApplicationStatus,
  type ApplicationTransitionName,
  type ApplicationOrigin,
  type Language,
} from '@board/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { liveOfficersOf } from '../accounts/roles-repository.ts';
import { elevateWithin } from '../../database/door.ts';
import { mailAddress } from '../notifications/recipients.ts';

const { applications, users, volunteerProfiles, volunteerSkills, thanks, ratings, roleAssignments } = schema;

const applicationColumns = columns(
  applications,
  'id',
  'requestId',
  'volunteerId',
  'municipalityCode',
  'associationId',
  'message',
  'status',
  'decisionNote',
  'decidedAt',
  'withdrawnAt',
  'completedAt',
  'confirmedAt',
  'createdAt',
  'contactShownToVolunteerAt',
  'contactShownToAssociationAt',
);

export interface ApplicationRow {
  id: string;
  requestId: string;
  volunteerId: string;
  municipalityCode: string;
  associationId: string;
  message: string;
  status: ApplicationStatus;
  decisionNote: string | null;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  completedAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
  /** when each side first had the other's contact shown (`showMatchContact`, or accepting for the association) */
  contactShownToVolunteerAt: Date | null;
  contactShownToAssociationAt: Date | null;
}

/**
 * What a row about a match (its messages, thanks, ratings, story) copies from the match, as the
 * tables' `ofMatch` columns: row-level security checks them without a join.
 */
export function ofMatch(match: Pick<ApplicationRow, 'id' | 'municipalityCode' | 'associationId' | 'volunteerId'>) {
  return {
    applicationId: match.id,
    municipalityCode: match.municipalityCode,
    associationId: match.associationId,
    volunteerId: match.volunteerId,
  };
}

export type OfMatch = ReturnType<typeof ofMatch>;

/** Who the association side is, for a match: the contact person(s) shown and mailed. */
export interface Person {
  userId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  language: Language;
}

const personColumns = {
  ...columns(users, 'displayName', 'phone', 'language'),
  userId: users.id,
  email: mailAddress,
};

/** Where each stage of a hand stands in the stored columns. */
const stageIs: Record<ApplicationStage, SQL | undefined> = {
  pending: eq(applications.status, 'pending'),
  accepted: and(eq(applications.status, 'accepted'), isNull(applications.completedAt)),
  completed: and(
    eq(applications.status, 'accepted'),
    isNotNull(applications.completedAt),
    isNull(applications.confirmedAt),
  ),
  confirmed: and(eq(applications.status, 'accepted'), isNotNull(applications.confirmedAt)),
  declined: eq(applications.status, 'declined'),
  withdrawn: eq(applications.status, 'withdrawn'),
};

/** The columns a hand gets on entering a stage. */
function enterStage(stage: ApplicationStage, note: string | null) {
  const now = sql`now()`;
  switch (stage) {
    case 'accepted':
    case 'declined':
      return { status: stage, decisionNote: note, decidedAt: now };
    case 'withdrawn':
      return { status: stage, withdrawnAt: now };
    case 'completed':
      return { completedAt: now };
    case 'confirmed':
      return { confirmedAt: now };
    case 'pending':
      return { status: stage };
  }
}

/** SQL for applications (手を挙げる) and matches. Runs inside the caller's transaction (row-level security as the actor). */
export function applicationRepository(tx: Database) {
  return {
    async find(id: string): Promise<ApplicationRow | null> {
      const [row] = await tx.select(applicationColumns).from(applications).where(eq(applications.id, id));
      return row ?? null;
    },

    async listByRequest(requestId: string): Promise<ApplicationRow[]> {
      return tx
        .select(applicationColumns)
        .from(applications)
        .where(eq(applications.requestId, requestId))
        .orderBy(asc(applications.createdAt), asc(applications.id));
    },

    /** the actor's own applications, newest first (at most 500) */
    async listByVolunteer(volunteerId: string, ids?: string[]): Promise<ApplicationRow[]> {
      return tx
        .select(applicationColumns)
        .from(applications)
        .where(and(eq(applications.volunteerId, volunteerId), ids ? inArray(applications.id, ids) : undefined))
        .orderBy(desc(applications.createdAt), desc(applications.id))
        .limit(500);
    },

    async listByIds(ids: string[]): Promise<ApplicationRow[]> {
      if (ids.length === 0) return [];
      return tx
        .select(applicationColumns)
        .from(applications)
        .where(inArray(applications.id, ids))
        .orderBy(asc(applications.createdAt), asc(applications.id));
    },

    /** a new pending application; null when the volunteer already has a live one (the partial unique index) */
    async insert(values: {
      requestId: string;
      volunteerId: string;
      municipalityCode: string;
      associationId: string;
      message: string;
      origin: ApplicationOrigin;
    }): Promise<string | null> {
      const rows = await tx
        .insert(applications)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: applications.id });
      return rows[0]?.id ?? null;
    },

    /** Has this volunteer an application to the request in this status (declined: answered; accepted: a match)? */
    async hasApplication(requestId: string, volunteerId: string, status: ApplicationStatus): Promise<boolean> {
      const rows = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.requestId, requestId),
            eq(applications.volunteerId, volunteerId),
            eq(applications.status, status),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    /**
     * Moves a hand along the lifecycle table (shared/src/application-lifecycle.ts): a conditional
     * UPDATE from the transition's source stages, so of two changes at once only one applies.
     * False when the hand was no longer in a source stage.
     */
    async transition(id: string, name: ApplicationTransitionName, note: string | null = null): Promise<boolean> {
      const { from, to } = applicationTransitions[name];
      const rows = await tx
        .update(applications)
        .set(enterStage(to, note))
        .where(and(eq(applications.id, id), or(...from.map((stage) => stageIs[stage]))))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /**
     * Marks the first showing of contact details to one side; returns the ids that had not been
     * shown before (each gets one `contact.reveal` audit entry). Concurrent first views: one wins.
     */
    async markContactShown(ids: string[], side: 'volunteer' | 'association'): Promise<string[]> {
      if (ids.length === 0) return [];
      const column =
        side === 'volunteer' ? applications.contactShownToVolunteerAt : applications.contactShownToAssociationAt;
      const rows = await tx
        .update(applications)
        .set(
          side === 'volunteer'
            ? { contactShownToVolunteerAt: sql`now()` }
            : { contactShownToAssociationAt: sql`now()` },
        )
        .where(and(inArray(applications.id, ids), eq(applications.status, 'accepted'), isNull(column)))
        .returning({ id: applications.id });
      return rows.map((r) => r.id);
    },

    /** the thank-you notes of these matches */
    async thanksOf(ids: string[]) {
      if (ids.length === 0) return [];
      return tx
        .select({ applicationId: thanks.applicationId, toVolunteer: thanks.toVolunteer, body: thanks.body })
        .from(thanks)
        .where(inArray(thanks.applicationId, ids));
    },

    /** private ratings of these matches: row-level security returns rows to staff and the foundation only */
    async ratingsOf(ids: string[]) {
      if (ids.length === 0) return [];
      return tx
        .select(columns(ratings, 'applicationId', 'toVolunteer', 'score', 'comment', 'createdAt'))
        .from(ratings)
        .where(inArray(ratings.applicationId, ids))
        .orderBy(asc(ratings.createdAt));
    },

    /** what the volunteer side shows of applicants: the account's name, mail address, phone and profile */
    /** Volunteers as officers see them beside their hands: profile, and skills with their level (teaching first). */
    async applicants(volunteerIds: string[]) {
      if (volunteerIds.length === 0) return [];
      const ids = [...new Set(volunteerIds)];
      const people = await tx
        .select({
          ...personColumns,
          interestCategories: volunteerProfiles.interestCategories,
          languages: volunteerProfiles.languages,
          showThanks: volunteerProfiles.showThanks,
        })
        .from(users)
        .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
        .where(inArray(users.id, ids));
      const skills = await tx
        .select({ userId: volunteerSkills.userId, key: volunteerSkills.skillKey, level: volunteerSkills.level })
        .from(volunteerSkills)
        .where(inArray(volunteerSkills.userId, ids))
        .orderBy(desc(volunteerSkills.level), asc(volunteerSkills.skillKey));
      return people.map((person) => ({
        ...person,
        skills: skills.filter((s) => s.userId === person.userId).map(({ key, level }) => ({ key, level })),
      }));
    },

    async person(userId: string): Promise<(Person & { emailVerified: boolean; deleted: boolean }) | null> {
      const [row] = await tx
        .select({
          ...personColumns,
          emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
          deleted: sql<boolean>`${users.deletedAt} is not null`,
        })
        .from(users)
        .where(eq(users.id, userId));
      return row ?? null;
    },

    /**
     * Completed helps (matches done and confirmed) per volunteer and thank-you notes received.
     * Counting other people's matches is beyond the actor's row-level security: a system step
     * that returns only counts.
     */
    async volunteerStats(volunteerIds: string[]): Promise<Map<string, { completedHelps: number; thanks: number }>> {
      const ids = [...new Set(volunteerIds)];
      const stats = new Map(ids.map((id) => [id, { completedHelps: 0, thanks: 0 }]));
      if (ids.length === 0) return stats;
      const helps = await elevateWithin(tx, 'count completed helps of volunteers', () =>
        tx
          .select({ volunteerId: applications.volunteerId, n: count() })
          .from(applications)
          .where(
            and(
              inArray(applications.volunteerId, ids),
              eq(applications.status, 'accepted'),
              isNotNull(applications.completedAt),
              isNotNull(applications.confirmedAt),
            ),
          )
          .groupBy(applications.volunteerId),
      );
      for (const row of helps) stats.get(row.volunteerId)!.completedHelps = row.n;
      const received = await tx
        .select({ volunteerId: thanks.volunteerId, n: count() })
        .from(thanks)
        .where(and(inArray(thanks.volunteerId, ids), eq(thanks.toVolunteer, true)))
        .groupBy(thanks.volunteerId);
      for (const row of received) stats.get(row.volunteerId)!.thanks = row.n;
      return stats;
    },

    /**
     * The current officers of these associations (not deleted). Role assignments are private to
     * their holder and staff, so this is a system step naming the associations.
     */
    async officersOf(associationIds: string[]): Promise<(Person & { associationId: string })[]> {
      const ids = [...new Set(associationIds)];
      if (ids.length === 0) return [];
      return elevateWithin(tx, 'the officers of associations', () =>
        tx
          .select({ associationId: sql<string>`${roleAssignments.associationId}`, ...personColumns })
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(liveOfficersOf(ids))
          .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id)),
      );
    },

    /** does this person wear the volunteer hat? (role assignments are private: a system step) */
    async isVolunteer(userId: string): Promise<boolean> {
      const rows = await elevateWithin(tx, 'is this person a volunteer', () =>
        tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'volunteer'))),
      );
      return rows.length > 0;
    },
  };
}

export type ApplicationRepository = ReturnType<typeof applicationRepository>;
