import { schema, type Database } from '@board/db';
import type { HelpInvitationStatus, Language } from '@board/shared';
import { and, count, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import { requestColumns, type RequestRow } from '../help-requests/rows.ts';
import { mailAddress } from '../notifications/recipients.ts';

const { helpInvitations: hi, helpRequests: r, municipalities: m, associations: a } = schema;
const { users, volunteerProfiles, roleAssignments } = schema;

const invitationColumns = {
  id: hi.id,
  requestId: hi.requestId,
  volunteerId: hi.volunteerId,
  invitedBy: hi.invitedBy,
  municipalityCode: hi.municipalityCode,
  associationId: hi.associationId,
  status: hi.status,
  createdAt: hi.createdAt,
  decidedAt: hi.decidedAt,
};

export interface HelpInvitationRow {
  id: string;
  requestId: string;
  volunteerId: string;
  invitedBy: string;
  municipalityCode: string;
  associationId: string;
  status: HelpInvitationStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

/** Whether an officer may invite this person, and how to mail them. */
export interface Invitee {
  isVolunteer: boolean;
  suggestable: boolean;
  muted: boolean;
  email: string | null;
  language: Language;
}

/**
 * The one writer of `help_invitations`, and the mute setting on the volunteer's profile. Runs in
 * the caller's transaction (row-level security as the actor); system steps say why.
 */
export function helpInvitationRepository(tx: Database) {
  return {
    async find(id: string): Promise<HelpInvitationRow | null> {
      const [row] = await tx.select(invitationColumns).from(hi).where(eq(hi.id, id));
      return row ?? null;
    },

    /** a new open invitation; null when this volunteer was already invited to the request */
    async insert(values: Omit<HelpInvitationRow, 'id' | 'status' | 'createdAt' | 'decidedAt'>): Promise<string | null> {
      const rows = await tx.insert(hi).values(values).onConflictDoNothing().returning({ id: hi.id });
      return rows[0]?.id ?? null;
    },

    async openForRequest(requestId: string): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(hi)
        .where(and(eq(hi.requestId, requestId), eq(hi.status, 'open')));
      return row!.n;
    },

    async sentSince(invitedBy: string, since: Date): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(hi)
        .where(and(eq(hi.invitedBy, invitedBy), gte(hi.createdAt, since)));
      return row!.n;
    },

    /**
     * Open invitations the volunteer holds from any association, counted under a lock on the
     * volunteer (two officers inviting at once cannot both take the last place). Other
     * associations' invitations are beyond the officer's rights: a system step returning a count.
     */
    async lockAndCountOpenForVolunteer(volunteerId: string): Promise<number> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`help-invitations:${volunteerId}`}))`);
      const [row] = await elevateWithin(tx, 'count open invitations to help of a volunteer', () =>
        tx
          .select({ n: count() })
          .from(hi)
          .where(and(eq(hi.volunteerId, volunteerId), eq(hi.status, 'open'))),
      );
      return row!.n;
    },

    /** An open invitation of this volunteer to this request (the volunteer's own rows). */
    async findOpen(requestId: string, volunteerId: string): Promise<HelpInvitationRow | null> {
      const [row] = await tx
        .select(invitationColumns)
        .from(hi)
        .where(and(eq(hi.requestId, requestId), eq(hi.volunteerId, volunteerId), eq(hi.status, 'open')));
      return row ?? null;
    },

    /** open → accepted or declined; false when it was no longer open */
    async decide(id: string, status: 'accepted' | 'declined'): Promise<boolean> {
      const rows = await tx
        .update(hi)
        .set({ status, decidedAt: sql`now()` })
        .where(and(eq(hi.id, id), eq(hi.status, 'open')))
        .returning({ id: hi.id });
      return rows.length > 0;
    },

    /** The volunteer's invitations with their requests (those the volunteer may still read), newest first. */
    async listForVolunteer(volunteerId: string): Promise<(HelpInvitationRow & { request: RequestRow })[]> {
      const rows = await tx
        .select({ invitation: invitationColumns, request: requestColumns })
        .from(hi)
        .innerJoin(r, eq(r.id, hi.requestId))
        .innerJoin(m, eq(m.code, r.municipalityCode))
        .innerJoin(a, eq(a.id, r.associationId))
        .where(eq(hi.volunteerId, volunteerId))
        .orderBy(desc(hi.createdAt), desc(hi.id))
        .limit(100);
      return rows.map((row) => ({ ...row.invitation, request: row.request }));
    },

    /**
     * A request's invitations (those the actor may read: its association's officers, its
     * municipality's staff), newest first, each with the invited volunteer's display name. The
     * names of volunteers who have not raised a hand are beyond the officer's rights: a system
     * step naming only the people these rows invited.
     */
    async listForRequest(requestId: string): Promise<(HelpInvitationRow & { displayName: string })[]> {
      const rows = await tx
        .select(invitationColumns)
        .from(hi)
        .where(eq(hi.requestId, requestId))
        .orderBy(desc(hi.createdAt), desc(hi.id));
      if (rows.length === 0) return [];
      const names = await elevateWithin(tx, 'names of the volunteers invited to a request', () =>
        tx
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, [...new Set(rows.map((row) => row.volunteerId))])),
      );
      return rows.map((row) => ({
        ...row,
        displayName: names.find((n) => n.id === row.volunteerId)?.displayName ?? '',
      }));
    },

    /**
     * open → expired for every invitation whose request no longer takes hands (not published,
     * full, past its deadline, hidden) or that was sent before `sentBefore`; a system sweep (the
     * request expiry job). Returns how many lapsed.
     */
    async expireStale(now: Date, sentBefore: Date): Promise<number> {
      const takesHands = and(
        eq(r.id, hi.requestId),
        schema.openForHands(r),
        isNull(r.hiddenAt),
        or(isNull(r.applicationDeadline), gt(r.applicationDeadline, now)),
      );
      const requestTakesHands = sql`exists (select 1 from ${r} where ${takesHands})`;
      const rows = await tx
        .update(hi)
        .set({ status: 'expired', decidedAt: now })
        .where(and(eq(hi.status, 'open'), sql`(${lt(hi.createdAt, sentBefore)} or not ${requestTakesHands})`))
        .returning({ id: hi.id });
      return rows.length;
    },

    /**
     * The person an officer wants to invite: a volunteer? agreed to be suggested? muted? Their
     * profile is private to officers until they apply: a system step naming the one person.
     */
    async invitee(volunteerId: string): Promise<Invitee | null> {
      const [row] = await elevateWithin(tx, 'may this volunteer be invited to help', () =>
        tx
          .select({
            isVolunteer: sql<boolean>`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = 'volunteer')`,
            suggestable: sql<boolean>`coalesce(${volunteerProfiles.suggestable}, false)`,
            muted: sql<boolean>`coalesce(${volunteerProfiles.helpInvitationsMuted}, false)`,
            email: mailAddress,
            language: users.language,
          })
          .from(users)
          .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
          .where(and(eq(users.id, volunteerId), sql`${users.deletedAt} is null`)),
      );
      return row ?? null;
    },

    async muted(userId: string): Promise<boolean> {
      const [row] = await tx
        .select({ muted: volunteerProfiles.helpInvitationsMuted })
        .from(volunteerProfiles)
        .where(eq(volunteerProfiles.userId, userId));
      return row?.muted ?? false;
    },

    /** the volunteer's own choice; makes their profile row when they have none yet */
    async setMuted(userId: string, muted: boolean): Promise<void> {
      await tx
        .insert(volunteerProfiles)
        .values({ userId, helpInvitationsMuted: muted })
        .onConflictDoUpdate({
          target: volunteerProfiles.userId,
          set: { helpInvitationsMuted: muted, updatedAt: sql`now()` },
        });
    },
  };
}
