import { rowsOf, schema, type Database } from '@board/db';
import {
  matchingWeights,
  type RequestForMatching,
  type VolunteerForMatching,
  type VolunteerRecord,
} from '@board/shared';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { arrayParameter, textArray } from '../../database/array-parameter.ts';
import { boardColumns, type PublicRequestRow } from '../help-requests/rows.ts';
import type { BoundTerms, RequestBoundTerms } from './keys.ts';

const {
  boardRequests: b,
  municipalities: m,
  associations: a,
  helpRequests: r,
  applications,
  volunteerProfiles: p,
} = schema;

/** An open request as scoring reads it (its board row is read for the few that are shown). */
export type CandidateRequest = RequestForMatching;

/** A row of the candidate requests' query (columns as PostgreSQL names them). */
interface CandidateRequestRow {
  id: string;
  municipality_code: string;
  category: RequestForMatching['category'];
  skill_keys: string[];
  online: boolean;
  when_kind: string;
  starts_at: string | Date | null;
  application_deadline: string | Date | null;
  languages: string[];
  slots: number;
  matched_count: number;
}
/** A volunteer who agreed to be suggested, as scoring reads their profile row (with their record). */
export type CandidateProfile = VolunteerForMatching &
  VolunteerRecord & {
    completedHelps: number;
    /** the most scoring can give them (`suggestion_candidates`) */
    bound: number;
  };
/** … and who they are (`people`). */
export type CandidateVolunteer = CandidateProfile & { displayName: string; showThanks: boolean };

/** A row of `suggestion_candidates` (migration 0037). */
interface CandidateRow {
  user_id: string;
  municipality_codes: string[];
  online_ok: boolean;
  availability_slots: string[];
  languages: string[];
  /** jsonb: postgres.js parses it, PGlite too; a string is parsed here */
  skills: CandidateProfile['skills'] | string;
  completed_helps: number;
  /** confirmed helps per category key (jsonb, parsed as `skills` is) */
  helps_by_category: Record<string, number> | string;
  thanks_received: number;
  open_matches: number;
  bound: number;
}

/** A row of `suggestion_people` (migration 0037). */
interface PersonRow {
  user_id: string;
  display_name: string;
  show_thanks: boolean;
}

const uuidArray = (ids: readonly string[]) => sql`${arrayParameter(ids)}::uuid[]`;

/**
 * The most scoring (shared/src/matching/scoring.ts) can give a board row for the volunteer of
 * `terms`: its score with hands at their most (they are counted for the head of the list only).
 * Each term mirrors a feature there; a feature added to the scoring must be added here (the bound
 * test in suggestions-sql-scores.test.ts fails otherwise).
 */
function requestBound(terms: RequestBoundTerms, now: Date): SQL {
  const w = matchingWeights;
  // the weekday and part of day in Tokyo as shared tokyoSlotOf says them (UTC+9, no time-zone
  // database needed; morning before 12:00, afternoon before 17:00)
  const tokyo = sql`(${b.startsAt} at time zone 'UTC') + interval '9 hours'`;
  const tokyoDay = sql`to_char(${tokyo}, 'dy')`;
  const tokyoPart = sql`(case when extract(hour from ${tokyo}) < 12 then 'morning' when extract(hour from ${tokyo}) < 17 then 'afternoon' else 'evening' end)`;
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`(
    (case when ${b.skillKeys} && ${textArray(terms.own)} then
        (case when ${b.skillKeys} && ${textArray(terms.teach)} then ${w.skillTeach}::integer else ${w.skillCan}::integer end)
        + least(${w.extraSkillMax}::integer, ${w.extraSkill}::integer * greatest(0,
            (select count(*)::integer from unnest(${b.skillKeys}) k where k = any(${textArray(terms.own)})) - 1))
      when ${b.category}::text = any(${textArray(terms.categories)}) then ${w.category}::integer else 0 end)
    + (case when ${b.municipalityCode} = any(${textArray(terms.areas)}) then ${w.sameMunicipality}::integer
        when ${b.municipalityCode} = any(${textArray(terms.neighbours)}) then ${w.neighbour}::integer
        when ${b.online} and ${terms.onlineOk}::boolean then ${w.online}::integer else 0 end)
    + (case when ${b.startsAt} is not null and ${b.whenKind} <> 'flexible' and ${tokyoDay} = any(${textArray(terms.days)})
          and (${b.whenKind} = 'day' or ${tokyoDay} || '-' || ${tokyoPart} = any(${textArray(terms.slots)}))
        then ${w.available}::integer else 0 end)
    + (case when ${b.languages} && ${textArray(terms.languages)} then ${w.language}::integer else 0 end)
    + (case when ${b.applicationDeadline} > ${at} - interval '1 day'
          and ${b.applicationDeadline} <= ${at} + ${w.deadlineSoonDays}::integer * interval '1 day'
        then ${w.deadlineSoon}::integer else 0 end)
    + ${terms.handsMost}::integer)`;
}

/**
 * Reads for suggestions (おすすめ, issue 10). Candidates come from one GIN index on each side, by
 * the keys matching/keys.ts builds (migration 0037): exactly the rows scoring can suggest, read
 * narrow; the service reads the rest (hands, records, board rows) only for the head of the list.
 */
export function matchingRepository(tx: Database) {
  return {
    /** The signed-in volunteer's own profile and skills, as scoring reads them (their own rows). */
    async volunteer(userId: string): Promise<VolunteerForMatching> {
      const [profile] = await tx.select().from(p).where(eq(p.userId, userId));
      return {
        id: userId,
        skills: profile?.skills ?? [],
        municipalityCodes: profile?.municipalityCodes ?? [],
        onlineOk: profile?.onlineOk ?? false,
        availabilitySlots: profile?.availabilitySlots ?? [],
        languages: profile?.languages ?? ['ja'],
      };
    },

    /**
     * Requests on the board, open for hands, in an active municipality, found by these keys
     * (`request_match_keys`); not those the volunteer already raised a hand for. Each with its
     * bound (the most scoring can give it for this volunteer: `requestBound`), best first: the
     * `first` of them, or all whose bound is `atLeast` that. Their hands are not counted here
     * (`hands`).
     */
    async candidateRequests(
      volunteerId: string,
      keys: readonly string[],
      terms: RequestBoundTerms,
      read: { now: Date; first?: number; atLeast?: number },
    ): Promise<(CandidateRequest & { bound: number })[]> {
      if (keys.length === 0) return [];
      const atLeast = Number.isFinite(read.atLeast) ? read.atLeast! : null;
      // hundreds of rows: read without the ORM's row mapping (it cost more than the query)
      const rows = rowsOf<CandidateRequestRow & { bound: number }>(
        await tx.execute(sql`
          select * from (
            select ${b.id} as id, ${b.municipalityCode} as municipality_code, ${b.category} as category,
              ${b.skillKeys} as skill_keys, ${b.online} as online, ${b.whenKind} as when_kind,
              ${b.startsAt} as starts_at, ${b.applicationDeadline} as application_deadline,
              ${b.languages} as languages, ${b.slots} as slots, ${b.matchedCount} as matched_count,
              ${requestBound(terms, read.now)} as bound
            from ${b}
            where ${schema.openForHands(b)}
              -- active municipalities as a list read once (a join was planned as a loop over them)
              and ${b.municipalityCode} = any(array(select ${m.code} from ${m} where ${m.status} = 'active'))
              -- the keys as a sub-select: the planner then plans for a typical set of keys and reads
              -- the GIN index (with the literal it misjudged the rows and walked each municipality)
              and ${schema.requestMatchKeys(b)} && (select ${textArray(keys)})
              -- the volunteer's own hands: a few, hashed once (not an index probe per candidate)
              and ${b.id} not in (select ${applications.requestId} from ${applications} where ${applications.volunteerId} = ${volunteerId})
          ) c
          where ${atLeast}::integer is null or c.bound >= ${atLeast}::integer
          order by c.bound desc, c.id
          limit ${read.first ?? null}::integer`),
      );
      const at = (value: string | Date | null) => (value === null ? null : new Date(value));
      return rows.map((row) => ({
        id: row.id,
        municipalityCode: row.municipality_code,
        category: row.category,
        skillKeys: row.skill_keys,
        online: row.online,
        whenKind: row.when_kind,
        startsAt: at(row.starts_at),
        applicationDeadline: at(row.application_deadline),
        languages: row.languages,
        slots: row.slots,
        matchedCount: row.matched_count,
        hands: 0,
        bound: row.bound,
      }));
    },

    /** The board rows of these requests (the ones a list shows), by id. */
    async boardRows(ids: readonly string[]): Promise<Map<string, PublicRequestRow>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select(boardColumns)
        .from(b)
        .innerJoin(m, eq(m.code, b.municipalityCode))
        .innerJoin(a, eq(a.id, b.associationId))
        .where(inArray(b.id, [...ids]));
      return new Map(rows.map((row) => [row.id, row]));
    },

    /** Hands raised (pending or accepted) per request open on the board (`board_hands`, migration 0040). */
    async hands(requestIds: readonly string[]): Promise<Map<string, number>> {
      if (requestIds.length === 0) return new Map();
      const rows = rowsOf<{ request_id: string; hands: number }>(
        await tx.execute(sql`select * from board_hands(${uuidArray(requestIds)})`),
      );
      return new Map(rows.map((row) => [row.request_id, row.hands]));
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
     * Volunteers who agreed to be suggested (`suggestable`), found by these keys
     * (`volunteer_match_keys`), who have not raised a hand for this request: their profile rows,
     * through the SQL function `suggestion_candidates` (migrations 0040, 0041), which checks that the
     * transaction may see suggestions for the request (its staff, its officers, system work) and
     * refuses otherwise. Each with their record (kept on the profile row by triggers; their helps
     * in the request's category) and their score (`bound`). In scoring's order (score, highest
     * first, then id): the first `first`, after the candidate `after` if given. Who they are: `people`.
     */
    async candidateVolunteers(
      request: { id: string; category: string },
      keys: readonly string[],
      terms: BoundTerms,
      read: { first: number; after?: { bound: number; id: string } },
    ): Promise<CandidateProfile[]> {
      if (keys.length === 0) return [];
      const rows = rowsOf<CandidateRow>(
        await tx.execute(
          sql`select * from suggestion_candidates(${request.id}::uuid, ${textArray(keys)}, ${JSON.stringify(terms)}::jsonb, ${read.first}::integer, ${read.after?.bound ?? null}::integer, ${read.after?.id ?? null}::uuid)`,
        ),
      );
      const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
      return rows.map((row) => ({
        id: row.user_id,
        municipalityCodes: row.municipality_codes,
        onlineOk: row.online_ok,
        availabilitySlots: row.availability_slots,
        languages: row.languages,
        skills: parsed(row.skills),
        completedHelps: row.completed_helps,
        pastHelpsInCategory: parsed(row.helps_by_category)[request.category] ?? 0,
        thanksReceived: row.thanks_received,
        openMatches: row.open_matches,
        bound: row.bound,
      }));
    },

    /**
     * Who these candidates are (function `suggestion_people`, the same check): only volunteers
     * still suggestable, still volunteers and not deleted are in the answer.
     */
    async people(requestId: string, ids: readonly string[]): Promise<Map<string, PersonRow>> {
      if (ids.length === 0) return new Map();
      const rows = rowsOf<PersonRow>(
        await tx.execute(sql`select * from suggestion_people(${requestId}::uuid, ${uuidArray(ids)})`),
      );
      return new Map(rows.map((row) => [row.user_id, row]));
    },
  };
}
