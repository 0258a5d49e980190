import { schema, type Database } from '@board/db';
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { applications, associations, helpRequests, calendarFeeds, remindersSent, users } = schema;

/** Requests whose matched work still goes ahead (or went ahead): a calendar lists these. */
const goingAhead = ['published', 'filled', 'completed'] as const;

/** One piece of matched work with a date, as a calendar shows it. */
export interface WorkRow {
  requestId: string;
  municipalityCode: string;
  associationId: string;
  associationName: string;
  title: string;
  whenKind: 'at' | 'range' | 'day' | 'flexible';
  startsAt: Date | null;
  endsAt: Date | null;
  estimatedHours: string | null;
  exactPlace: string;
  area: string;
  online: boolean;
}

const workColumns = {
  ...columns(
    helpRequests,
    'municipalityCode',
    'associationId',
    'title',
    'whenKind',
    'startsAt',
    'endsAt',
    'estimatedHours',
    'exactPlace',
    'area',
    'online',
  ),
  requestId: helpRequests.id,
  associationName: associations.name,
};

/** work with a date, of a request still going ahead */
const dated = and(ne(helpRequests.whenKind, 'flexible'), inArray(helpRequests.status, [...goingAhead]));

/** SQL of calendars (files, feeds) and scheduled reminders. Runs inside the caller's transaction. */
export function calendarRepository(tx: Database) {
  const matchedWork = (where: SQL | undefined) =>
    tx
      .select({ ...workColumns, applicationId: applications.id, volunteerId: applications.volunteerId })
      .from(applications)
      .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
      .innerJoin(associations, eq(associations.id, helpRequests.associationId))
      .where(and(eq(applications.status, 'accepted'), dated, where))
      .orderBy(asc(helpRequests.startsAt), asc(applications.id));

  return {
    /** one match's work (any date, flexible too: the caller decides), as far as the transaction may see it */
    async matchWork(applicationId: string) {
      const [row] = await tx
        .select(workColumns)
        .from(applications)
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .innerJoin(associations, eq(associations.id, helpRequests.associationId))
        .where(eq(applications.id, applicationId));
      return row ?? null;
    },

    /** a volunteer's matched work with a date, soonest first (at most 500) */
    async volunteerWork(volunteerId: string) {
      return (await matchedWork(eq(applications.volunteerId, volunteerId))).slice(0, 500);
    },

    /** the associations' requests with matched work and a date, one row per request, soonest first (at most 500) */
    async associationWork(associationIds: string[]): Promise<WorkRow[]> {
      if (associationIds.length === 0) return [];
      return tx
        .select(workColumns)
        .from(helpRequests)
        .innerJoin(associations, eq(associations.id, helpRequests.associationId))
        .where(and(inArray(helpRequests.associationId, associationIds), sql`${helpRequests.matchedCount} > 0`, dated))
        .orderBy(asc(helpRequests.startsAt), asc(helpRequests.id))
        .limit(500);
    },

    /** matches whose work starts in [from, to) and whose day-before reminder has not gone out */
    async workStartingUnreminded(from: Date, to: Date) {
      return matchedWork(
        and(
          gte(helpRequests.startsAt, from),
          lt(helpRequests.startsAt, to),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(remindersSent)
              .where(and(eq(remindersSent.kind, 'work_tomorrow'), eq(remindersSent.subjectId, applications.id))),
          ),
        ),
      );
    },

    /** published requests on the board since `before` or earlier without a single hand, not told yet */
    async quietRequests(before: Date) {
      return tx
        .select({
          ...columns(helpRequests, 'id', 'title', 'municipalityCode', 'associationId'),
          associationName: associations.name,
        })
        .from(helpRequests)
        .innerJoin(associations, eq(associations.id, helpRequests.associationId))
        .where(
          and(
            eq(helpRequests.status, 'published'),
            isNull(helpRequests.hiddenAt),
            lte(helpRequests.publishedAt, before),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(applications)
                .where(eq(applications.requestId, helpRequests.id)),
            ),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(remindersSent)
                .where(and(eq(remindersSent.kind, 'no_hands'), eq(remindersSent.subjectId, helpRequests.id))),
            ),
          ),
        )
        .orderBy(asc(helpRequests.publishedAt), asc(helpRequests.id))
        .limit(500);
    },

    /** records a reminder as sent; false when it already was (then nobody is told again) */
    async recordReminder(kind: (typeof schema.reminderKinds)[number], subjectId: string): Promise<boolean> {
      const rows = await tx
        .insert(remindersSent)
        .values({ kind, subjectId })
        .onConflictDoNothing()
        .returning({ subjectId: remindersSent.subjectId });
      return rows.length > 0;
    },

    /** the person's feed (when it was made), if they have one */
    async feedOf(userId: string) {
      const [row] = await tx
        .select({ createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId));
      return row ?? null;
    },

    /** a new feed token for the person: the old one (if any) stops at once */
    async replaceFeed(userId: string, tokenHash: string) {
      const [row] = await tx
        .insert(calendarFeeds)
        .values({ userId, tokenHash })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: sql`now()` } })
        .returning({ createdAt: calendarFeeds.createdAt });
      return row!;
    },

    async revokeFeed(userId: string): Promise<void> {
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    },

    /** whose feed this token hash opens (a live account only) */
    async feedOwner(tokenHash: string) {
      const [row] = await tx
        .select({ userId: calendarFeeds.userId, language: users.language })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(users.deletedAt)));
      return row ?? null;
    },
  };
}
