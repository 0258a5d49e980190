import type { Database } from '@board/db';
import type { AppConfig } from '../../config.ts';
import { DomainError, type CalendarFeedView } from '@board/shared';
import { publicLink, webPages } from '../../links/public-links.ts';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { hashToken, newToken } from '../accounts/secrets.ts';
import { rolesRepository } from '../accounts/roles-repository.ts';
import { matchWithSide } from '../applications/detail.ts';
import { calendarAttachment, calendarText, hasDate, type CalendarEvent } from './ics.ts';
import { calendarRepository, type WorkRow } from './repository.ts';

/** Where a person's calendar feed is read (the API; the token in the query, blanked in logs). */
export const calendarFeedPath = '/api/calendar-feed';

type Config = Pick<AppConfig, 'publicOrigin'>;

/**
 * The event of matched work as each side sees it: a volunteer's match (its page), or an officer's
 * request (its officer page, one event however many volunteers). The same UID in the match file,
 * the reminder's file and the feed, so a calendar app keeps one event.
 */
export const workEvent = {
  volunteer: (config: Config, applicationId: string, work: WorkRow): CalendarEvent => ({
    work,
    uid: `match-${applicationId}@machi-udekiki`,
    link: publicLink(config, webPages.match(applicationId)),
  }),
  association: (config: Config, work: WorkRow): CalendarEvent => ({
    work,
    uid: `request-${work.requestId}@machi-udekiki`,
    link: publicLink(config, webPages.officerRequest(work.requestId)),
  }),
};

/**
 * A match's calendar file (.ics), for its two sides only: the volunteer and the association's
 * officers. Staff are no side of a match (403); anyone else gets 404, as if it did not exist.
 */
export async function getMatchCalendar(ctx: SignedInContext, applicationId: string): Promise<string> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const { side } = await matchWithSide(tx, actor, applicationId, {
      toStaff: 'Only the two sides of a match get its calendar file.',
      notMatched: 'The calendar file exists once the application is accepted.',
    });
    const work = await calendarRepository(tx).matchWork(applicationId);
    if (!work || !hasDate(work)) throw new DomainError('NO_WORK_DATE', 'This work has no date.');
    const event =
      side === 'volunteer'
        ? workEvent.volunteer(ctx.config, applicationId, work)
        : workEvent.association(ctx.config, work);
    return calendarText([event]);
  });
}

/**
 * A person's private calendar feed, opened by its token without sign-in: their matches as a
 * volunteer and their associations' matched requests as an officer. An unknown or revoked token
 * is 404. The token is the authority, so it reads with system access, naming the person's rows.
 */
export async function getMyCalendarFeed(ctx: ServiceContext, token: string): Promise<string> {
  return ctx.door.asSystem('calendar feed: the token is the authority', async (tx) => {
    const repo = calendarRepository(tx);
    const owner = await repo.feedOwner(hashToken(token));
    if (!owner) throw new DomainError('NOT_FOUND', 'No such calendar.');
    const grants = await rolesRepository.grantsWithNames(tx, owner.userId);
    const associationIds = grants.flatMap((g) => (g.role === 'officer' && g.associationId ? [g.associationId] : []));
    const asVolunteer = await repo.volunteerWork(owner.userId);
    const asOfficer = await repo.associationWork(associationIds);
    return calendarText([
      ...asVolunteer.map((w) => workEvent.volunteer(ctx.config, w.applicationId, w)),
      ...asOfficer.map((w) => workEvent.association(ctx.config, w)),
    ]);
  });
}

/** Whether the signed-in person has a feed address (never the address: only its hash is kept). */
export async function getCalendarFeedSettings(ctx: SignedInContext): Promise<CalendarFeedView> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const feed = await calendarRepository(tx).feedOf(ctx.actor.userId);
    return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null, url: null };
  });
}

/** A new feed address for the signed-in person, shown this once; an address made before stops at once. */
export async function createCalendarFeed(ctx: SignedInContext): Promise<CalendarFeedView> {
  const { token, hash } = newToken();
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const feed = await calendarRepository(tx).replaceFeed(ctx.actor.userId, hash);
    const url = publicLink(ctx.config, calendarFeedPath, { token });
    return { active: true, createdAt: feed.createdAt.toISOString(), url };
  });
}

/** Stops the signed-in person's feed address (nothing to stop is fine). */
export async function revokeCalendarFeed(ctx: SignedInContext): Promise<CalendarFeedView> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    await calendarRepository(tx).revokeFeed(ctx.actor.userId);
    return { active: false, createdAt: null, url: null };
  });
}

/** The volunteer's calendar file of a match just made, for the acceptance mail (none when the work has no date). */
export async function matchCalendarAttachment(config: Config, tx: Database, applicationId: string) {
  const work = await calendarRepository(tx).matchWork(applicationId);
  return work ? calendarAttachment(workEvent.volunteer(config, applicationId, work)) : [];
}
