import { schema, type Database } from '@board/db';
import type { RequestForMatching, VolunteerForMatching, VolunteerRecord } from '@board/shared';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import { boardColumns, textArray, type PublicRequestRow } from '../help-requests/rows.ts';

const {
  boardRequests: b,
  municipalities: m,
  associations: a,
  helpRequests: r,
  applications,
  thanks,
  users,
  roleAssignments,
  volunteerProfiles: p,
  volunteerSkills: vs,
} = schema;

/** A board row with what scoring reads of it. */
export type CandidateRequest = PublicRequestRow & RequestForMatching;
/** A volunteer who agreed to be suggested, with their record. */
export type CandidateVolunteer = VolunteerForMatching &
  VolunteerRecord & { displayName: string; showThanks: boolean; completedHelps: number };

/** How many rows each candidate query may bring for scoring (the lists show 20). */
export const candidateCap = 300;

/**
 * Reads for suggestions (おすすめ, issue 10). Candidates come from indexes (the board's partial
 * GIN index on skill keys, its municipality index; volunteer_skills by skill key, the suggestable
 * profiles by area), a few hundred at most; scoring (shared/src/matching/scoring.ts) orders them.
 */
export function matchingRepository(tx: Database) {
  return {
    /** The signed-in volunteer's own profile and skills, as scoring reads them (their own rows). */
    async volunteer(userId: string): Promise<VolunteerForMatching> {
      const [profile] = await tx.select().from(p).where(eq(p.userId, userId));
      const skills = await tx.select({ key: vs.skillKey, level: vs.level }).from(vs).where(eq(vs.userId, userId));
      return {
        id: userId,
        skills,
        municipalityCodes: profile?.municipalityCodes ?? [],
        onlineOk: profile?.onlineOk ?? false,
        availabilitySlots: profile?.availabilitySlots ?? [],
        languages: profile?.languages ?? ['ja'],
      };
    },

    /**
     * Requests on the board, open for hands, in an active municipality, that ask for one of these
     * skills or lie in one of these municipalities; not those the volunteer already raised a hand for.
     * Each with its hands so far (counted with system rights: other people's applications).
     */
    async candidateRequests(filter: {
      volunteerId: string;
      skillKeys: string[];
      municipalityCodes: string[];
    }): Promise<CandidateRequest[]> {
      const base = [sql`${m.status} = 'active'`, schema.openForHands(b)];
      const notApplied = sql`not exists (select 1 from ${applications} where ${applications.requestId} = ${b.id} and ${applications.volunteerId} = ${filter.volunteerId})`;
      const select = (where: ReturnType<typeof sql>) =>
        tx
          .select({ ...boardColumns, skillKeys: b.skillKeys })
          .from(b)
          .innerJoin(m, eq(m.code, b.municipalityCode))
          .innerJoin(a, eq(a.id, b.associationId))
          .where(and(...base, where, notApplied))
          .orderBy(desc(b.publishedAt), desc(b.id))
          .limit(candidateCap);
      const bySkill =
        filter.skillKeys.length > 0 ? await select(sql`${b.skillKeys} && ${textArray(filter.skillKeys)}`) : [];
      const byArea =
        filter.municipalityCodes.length > 0 ? await select(inArray(b.municipalityCode, filter.municipalityCodes)) : [];
      const rows = new Map([...bySkill, ...byArea].map((row) => [row.id, row]));
      const hands = await this.hands([...rows.keys()]);
      return [...rows.values()].map((row) => ({ ...row, hands: hands.get(row.id) ?? 0 }));
    },

    /** Hands raised (pending or accepted) per request: other people's rows, counted with system rights. */
    async hands(requestIds: string[]): Promise<Map<string, number>> {
      if (requestIds.length === 0) return new Map();
      const rows = await elevateWithin(tx, 'count hands of suggested requests', () =>
        tx
          .select({ requestId: applications.requestId, n: sql<number>`count(*)`.mapWith(Number) })
          .from(applications)
          .where(
            and(inArray(applications.requestId, requestIds), sql`${applications.status} in ('pending', 'accepted')`),
          )
          .groupBy(applications.requestId),
      );
      return new Map(rows.map((row) => [row.requestId, row.n]));
    },

    /** The request as scoring reads it (the caller has checked who may ask), or null. */
    async request(id: string) {
      const [row] = await tx
        .select({
          id: r.id,
          municipalityCode: r.municipalityCode,
          associationId: r.associationId,
          status: r.status,
          hiddenAt: r.hiddenAt,
          publishedAt: r.publishedAt,
          category: r.category,
          skillKeys: r.skillKeys,
          online: r.online,
          whenKind: r.whenKind,
          startsAt: r.startsAt,
          applicationDeadline: r.applicationDeadline,
          languages: r.languages,
          slots: r.slots,
          matchedCount: r.matchedCount,
        })
        .from(r)
        .where(eq(r.id, id));
      if (!row) return null;
      const hands = (await this.hands([id])).get(id) ?? 0;
      return { ...row, hands };
    },

    /**
     * Volunteers who agreed to be suggested (`suggestable`) with a skill among `skillKeys` or an
     * area among `municipalityCodes`, not deleted, still volunteers, who have not raised a hand
     * for this request. Other people's profiles: read with system rights, and only consenting
     * rows are named in the WHERE.
     */
    async candidateVolunteers(filter: {
      requestId: string;
      skillKeys: string[];
      municipalityCodes: string[];
      category: string;
    }): Promise<CandidateVolunteer[]> {
      return elevateWithin(tx, 'read volunteers who agreed to be suggested', async () => {
        const consenting = and(
          eq(p.suggestable, true),
          isNull(users.deletedAt),
          sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${p.userId} and ${roleAssignments.role} = 'volunteer')`,
          sql`not exists (select 1 from ${applications} where ${applications.requestId} = ${filter.requestId} and ${applications.volunteerId} = ${p.userId})`,
        );
        const ids = new Set<string>();
        if (filter.skillKeys.length > 0) {
          const bySkill = await tx
            .selectDistinct({ id: vs.userId })
            .from(vs)
            .innerJoin(p, eq(p.userId, vs.userId))
            .innerJoin(users, eq(users.id, vs.userId))
            .where(and(inArray(vs.skillKey, filter.skillKeys), consenting))
            .orderBy(asc(vs.userId))
            .limit(candidateCap);
          for (const row of bySkill) ids.add(row.id);
        }
        if (filter.municipalityCodes.length > 0) {
          const byArea = await tx
            .select({ id: p.userId })
            .from(p)
            .innerJoin(users, eq(users.id, p.userId))
            .where(and(sql`${p.municipalityCodes} && ${textArray(filter.municipalityCodes)}`, consenting))
            .orderBy(asc(p.userId))
            .limit(candidateCap);
          for (const row of byArea) ids.add(row.id);
        }
        return this.volunteersWithRecord([...ids], filter.category);
      });
    },

    /** Profiles, skills and record of these volunteers (inside the caller's elevation). */
    async volunteersWithRecord(ids: string[], category: string): Promise<CandidateVolunteer[]> {
      if (ids.length === 0) return [];
      const people = await tx
        .select({
          id: p.userId,
          displayName: users.displayName,
          municipalityCodes: p.municipalityCodes,
          onlineOk: p.onlineOk,
          availabilitySlots: p.availabilitySlots,
          languages: p.languages,
          showThanks: p.showThanks,
        })
        .from(p)
        .innerJoin(users, eq(users.id, p.userId))
        .where(inArray(p.userId, ids));
      const skills = await tx
        .select({ userId: vs.userId, key: vs.skillKey, level: vs.level })
        .from(vs)
        .where(inArray(vs.userId, ids))
        .orderBy(asc(vs.skillKey));
      const done = and(eq(applications.status, 'accepted'), isNotNull(applications.confirmedAt));
      const helps = await tx
        .select({
          id: applications.volunteerId,
          all: sql<number>`count(*)`.mapWith(Number),
          inCategory: sql<number>`count(*) filter (where ${r.category} = ${category})`.mapWith(Number),
        })
        .from(applications)
        .innerJoin(r, eq(r.id, applications.requestId))
        .where(and(inArray(applications.volunteerId, ids), done))
        .groupBy(applications.volunteerId);
      const open = await tx
        .select({ id: applications.volunteerId, n: sql<number>`count(*)`.mapWith(Number) })
        .from(applications)
        .where(
          and(
            inArray(applications.volunteerId, ids),
            eq(applications.status, 'accepted'),
            isNull(applications.confirmedAt),
          ),
        )
        .groupBy(applications.volunteerId);
      const received = await tx
        .select({ id: thanks.volunteerId, n: sql<number>`count(*)`.mapWith(Number) })
        .from(thanks)
        .where(and(inArray(thanks.volunteerId, ids), eq(thanks.toVolunteer, true)))
        .groupBy(thanks.volunteerId);
      return people.map((person) => ({
        ...person,
        skills: skills.filter((s) => s.userId === person.id).map(({ key, level }) => ({ key, level })),
        completedHelps: helps.find((h) => h.id === person.id)?.all ?? 0,
        pastHelpsInCategory: helps.find((h) => h.id === person.id)?.inCategory ?? 0,
        openMatches: open.find((o) => o.id === person.id)?.n ?? 0,
        thanksReceived: received.find((t) => t.id === person.id)?.n ?? 0,
      }));
    },
  };
}
