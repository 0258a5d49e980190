import { schema, type Database } from '@board/db';
import type { Category, RubyText, StoryStatus, VolunteerConsent } from '@board/shared';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { ofMatch } from '../applications/repository.ts';
import { hasKanji } from '../../database/readings.ts';
import type { Keyset } from '../help-requests/rows.ts';

const { stories: s, municipalities: m, associations: a, applications, helpRequests: r } = schema;

const storyColumns = {
  ...columns(
    s,
    'id',
    'applicationId',
    'municipalityCode',
    'associationId',
    'volunteerId',
    'category',
    'title',
    'trouble',
    'whatDone',
    'whatChanged',
    'titleRuby',
    'troubleRuby',
    'whatDoneRuby',
    'whatChangedRuby',
    'photoAlt',
    'status',
    'sentBackReason',
    'volunteerConsent',
    'volunteerName',
    'approvedAt',
    'featuredAt',
    'createdAt',
  ),
  hasPhoto: sql<boolean>`(${s.photo} is not null)`,
  municipalityNameJa: m.nameJa,
  municipalityNameEn: m.nameEn,
  municipalityNameKana: m.nameKana,
  associationName: a.name,
  sortKey: sql<string | null>`(${s.approvedAt})::text`,
};

export interface StoryRow {
  id: string;
  applicationId: string;
  municipalityCode: string;
  associationId: string;
  volunteerId: string;
  category: Category;
  title: string;
  trouble: string;
  whatDone: string;
  whatChanged: string;
  titleRuby: RubyText | null;
  troubleRuby: RubyText | null;
  whatDoneRuby: RubyText | null;
  whatChangedRuby: RubyText | null;
  photoAlt: string | null;
  status: StoryStatus;
  sentBackReason: string | null;
  volunteerConsent: VolunteerConsent;
  volunteerName: string | null;
  approvedAt: Date | null;
  featuredAt: Date | null;
  createdAt: Date;
  hasPhoto: boolean;
  municipalityNameJa: string;
  municipalityNameEn: string;
  municipalityNameKana: string;
  associationName: string;
  sortKey: string | null;
}

/** The readings over a story's four texts (readings.ts). */
export interface StoryReadings {
  titleRuby: RubyText | null;
  troubleRuby: RubyText | null;
  whatDoneRuby: RubyText | null;
  whatChangedRuby: RubyText | null;
}

/** A story's four texts. */
export interface StoryTexts {
  title: string;
  trouble: string;
  whatDone: string;
  whatChanged: string;
}

/** What the officer writes (a photo already checked), with its readings. */
export interface StoryText extends StoryTexts, StoryReadings {
  photo?: { bytes: Buffer; type: string; alt: string } | null;
}

/** The match a story is written about, as its officer sees it. */
export interface StoryMatch {
  id: string;
  requestId: string;
  municipalityCode: string;
  associationId: string;
  volunteerId: string;
  status: string;
  confirmedAt: Date | null;
  category: Category;
}

const published = sql`(${s.status} = 'approved' and ${s.volunteerConsent} <> 'pending')`;

function select(tx: Database) {
  return tx
    .select(storyColumns)
    .from(s)
    .innerJoin(m, eq(m.code, s.municipalityCode))
    .innerJoin(a, eq(a.id, s.associationId));
}

/** The one writer of `stories`. Runs in the caller's transaction (row-level security as the actor). */
export function storyRepository(tx: Database) {
  return {
    async find(id: string): Promise<StoryRow | null> {
      const [row] = await select(tx).where(eq(s.id, id));
      return row ?? null;
    },

    async findByApplication(applicationId: string): Promise<StoryRow | null> {
      const [row] = await select(tx).where(eq(s.applicationId, applicationId));
      return row ?? null;
    },

    async match(applicationId: string): Promise<StoryMatch | null> {
      const [row] = await tx
        .select({
          ...columns(applications, 'id', 'requestId', 'municipalityCode', 'associationId', 'volunteerId', 'status'),
          confirmedAt: applications.confirmedAt,
          category: r.category,
        })
        .from(applications)
        .innerJoin(r, eq(r.id, applications.requestId))
        .where(eq(applications.id, applicationId));
      return row ?? null;
    },

    /** a new story in review; null when the match already has one */
    async insert(match: StoryMatch, authorId: string, text: StoryText): Promise<string | null> {
      const rows = await tx
        .insert(s)
        .values({
          ...ofMatch(match),
          requestId: match.requestId,
          authorId,
          category: match.category,
          ...textColumns(text),
        })
        .onConflictDoNothing()
        .returning({ id: s.id });
      return rows[0]?.id ?? null;
    },

    /** a sent-back story written again goes back to review; false if it was not sent back */
    async rewrite(id: string, authorId: string, text: StoryText): Promise<boolean> {
      const rows = await tx
        .update(s)
        .set({ ...textColumns(text), authorId, status: 'review', sentBackReason: null, updatedAt: sql`now()` })
        .where(and(eq(s.id, id), eq(s.status, 'sent_back')))
        .returning({ id: s.id });
      return rows.length > 0;
    },

    /** stories stored before readings were made for them (migration 0036) with kanji in a text */
    async withoutReadings(limit: number): Promise<({ id: string } & StoryTexts)[]> {
      return tx
        .select({ id: s.id, title: s.title, trouble: s.trouble, whatDone: s.whatDone, whatChanged: s.whatChanged })
        .from(s)
        .where(
          sql`${s.titleRuby} is null and ${s.troubleRuby} is null and ${s.whatDoneRuby} is null and ${s.whatChangedRuby} is null
            and (${s.title} || ${s.trouble} || ${s.whatDone} || ${s.whatChanged}) ~ ${hasKanji}`,
        )
        .orderBy(s.id)
        .limit(limit);
    },

    /** Readings made for a story already stored (its texts, state and times stay). */
    async setReadings(id: string, readings: StoryReadings): Promise<void> {
      await tx.update(s).set(readings).where(eq(s.id, id));
    },

    /** staff decide a story in review; false if it was not in review */
    async decide(id: string, by: string, to: 'approved' | 'sent_back', reason: string | null): Promise<boolean> {
      const rows = await tx
        .update(s)
        .set({
          status: to,
          sentBackReason: reason,
          decidedBy: by,
          approvedAt: to === 'approved' ? sql`now()` : null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(s.id, id), eq(s.status, 'review')))
        .returning({ id: s.id });
      return rows.length > 0;
    },

    async setConsent(id: string, consent: 'named' | 'anonymous', name: string | null): Promise<void> {
      await tx
        .update(s)
        .set({ volunteerConsent: consent, volunteerName: consent === 'named' ? name : null, updatedAt: sql`now()` })
        .where(eq(s.id, id));
    },

    async setFeatured(id: string, featured: boolean): Promise<void> {
      await tx
        .update(s)
        .set({ featuredAt: featured ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(s.id, id));
    },

    async photo(id: string): Promise<{ bytes: Buffer; type: string } | null> {
      const [row] = await tx
        .select({ bytes: s.photo, type: s.photoType })
        .from(s)
        .where(and(eq(s.id, id), isNotNull(s.photo)));
      return row?.bytes && row.type ? { bytes: row.bytes, type: row.type } : null;
    },

    /** public stories, newest approval first */
    async listPublished(filter: {
      municipalityCode?: string | undefined;
      category?: Category | undefined;
      featured: boolean;
      after?: Keyset | undefined;
      limit: number;
    }): Promise<StoryRow[]> {
      return select(tx)
        .where(
          and(
            published,
            filter.municipalityCode ? eq(s.municipalityCode, filter.municipalityCode) : undefined,
            filter.category ? eq(s.category, filter.category) : undefined,
            filter.featured ? isNotNull(s.featuredAt) : undefined,
            filter.after
              ? sql`(${s.approvedAt}, ${s.id}) < (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(s.approvedAt), desc(s.id))
        .limit(filter.limit + 1);
    },

    /** stories for staff to look at: of these municipalities (null: all), in one state or every one */
    async listForReview(municipalityCodes: string[] | null, status: StoryStatus | undefined): Promise<StoryRow[]> {
      if (municipalityCodes?.length === 0) return [];
      return select(tx)
        .where(
          and(
            municipalityCodes ? inArray(s.municipalityCode, municipalityCodes) : undefined,
            status ? eq(s.status, status) : undefined,
          ),
        )
        .orderBy(desc(s.createdAt), desc(s.id))
        .limit(200);
    },
  };
}

function textColumns(text: StoryText) {
  const { photo, ...words } = text;
  if (photo === undefined) return words;
  return { ...words, photo: photo?.bytes ?? null, photoType: photo?.type ?? null, photoAlt: photo?.alt ?? null };
}
