import { rowsOf, schema, type Database } from '@board/db';
import type { RequestForMatching, VolunteerForMatching, VolunteerRecord } from '@board/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import { boardColumns, textArray, type PublicRequestRow } from '../help-requests/rows.ts';

const {
  boardRequests: b,
  municipalities: m,
  associations: a,
  helpRequests: r,
  applications,
  volunteerProfiles: p,
  volunteerSkills: vs,
} = schema;

/** A board row with what scoring reads of it. */
export type CandidateRequest = PublicRequestRow & RequestForMatching;
/** A volunteer who agreed to be suggested, with their record. */
export type CandidateVolunteer = VolunteerForMatching &
  VolunteerRecord & { displayName: string; showThanks: boolean; completedHelps: number };

/** A row of `suggestion_candidates` (migration 0027). */
interface CandidateRow {
  user_id: string;
  display_name: string;
  municipality_codes: string[];
  online_ok: boolean;
  availability_slots: string[];
  languages: string[];
  show_thanks: boolean;
  /** jsonb: postgres.js parses it, PGlite too; a string is parsed here */
  skills: CandidateVolunteer['skills'] | string;
  open_matches: number;
}

/** A row of `suggestion_records` (migration 0027). */
interface RecordRow {
  user_id: string;
  completed_helps: number;
  helps_in_category: number;
  thanks_received: number;
}

const uuidArray = (ids: readonly string[]) => sql`${textArray(ids)}::uuid[]`;

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
     * for this request (the first 600 by id: as many as the skill and area lists gave), with their matches under way (their other record: `records`). Read
     * through the SQL function `suggestion_candidates` (migration 0027), which checks that the
     * transaction may see suggestions for the request (its staff, its officers, system work) and
     * refuses otherwise: the people tables' policies cost seconds here, the function milliseconds.
     */
    async candidateVolunteers(filter: {
      requestId: string;
      skillKeys: string[];
      municipalityCodes: string[];
    }): Promise<CandidateVolunteer[]> {
      const rows = rowsOf<CandidateRow>(
        await tx.execute(
          sql`select * from suggestion_candidates(${filter.requestId}::uuid, ${textArray(filter.skillKeys)}, ${textArray(filter.municipalityCodes)}, ${2 * candidateCap}::integer)`,
        ),
      );
      return rows.map((row) => ({
        id: row.user_id,
        displayName: row.display_name,
        municipalityCodes: row.municipality_codes,
        onlineOk: row.online_ok,
        availabilitySlots: row.availability_slots,
        languages: row.languages,
        showThanks: row.show_thanks,
        skills: typeof row.skills === 'string' ? JSON.parse(row.skills) : row.skills,
        openMatches: row.open_matches,
        completedHelps: 0,
        pastHelpsInCategory: 0,
        thanksReceived: 0,
      }));
    },

    /**
     * The record of these suggestable volunteers for a request (function `suggestion_records`,
     * the same check as `candidateVolunteers`): completed helps, those in its category, thanks.
     */
    async records(requestId: string, ids: string[]): Promise<Map<string, Omit<RecordRow, 'user_id'>>> {
      if (ids.length === 0) return new Map();
      const rows = rowsOf<RecordRow>(
        await tx.execute(sql`select * from suggestion_records(${requestId}::uuid, ${uuidArray(ids)})`),
      );
      return new Map(rows.map(({ user_id, ...rest }) => [user_id, rest]));
    },
  };
}
