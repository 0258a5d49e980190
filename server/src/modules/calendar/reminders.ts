import type { Database } from '@board/db';
import { quietAfterDays, tokyoDayOf, tokyoDayStart } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { scheduleJob } from '../../jobs/scheduled.ts';
import { noHandsMail, workTomorrowOfficerMail, workTomorrowVolunteerMail } from '../../mail/calendar-mails.ts';
import { systemContext, type ServiceContext } from '../../services/context.ts';
import { applicationRepository } from '../applications/repository.ts';
import { requestReader } from '../help-requests/reader.ts';
import { suggestVolunteers } from '../matching/service.ts';
import { matchingRepository } from '../matching/repository.ts';
import { notify } from '../notifications/notify.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { calendarAttachment } from './ics.ts';
import { calendarRepository, type WorkRow } from './repository.ts';
import { workEvent } from './service.ts';
import { iso } from '../../services/iso.ts';

/**
 * When the reminder sweeps run (cron on the job queue, Tokyo time): every hour of the day from
 * 9:00 to 20:00, so work matched in the afternoon for tomorrow is still told, and nobody is mailed
 * at night. Each match and request is told once (table `reminders_sent`), however often they run.
 */
export const reminderSchedule = { cron: '0 9-20 * * *', tz: 'Asia/Tokyo' };

/** How many suggested volunteers the no-hands mail names. */
const suggestedInMail = 5;

type Context = ServiceContext<null>;

type Work = WorkRow & { applicationId: string; volunteerId: string };

/** What both sides' mails about tomorrow's work say of it. */
async function workTomorrowVars(tx: Database, work: WorkRow) {
  return {
    requestTitle: work.title,
    associationName: work.associationName,
    whenKind: work.whenKind as 'at' | 'range' | 'day',
    startsAt: work.startsAt!.toISOString(),
    endsAt: iso(work.endsAt),
    place: work.online ? '' : work.exactPlace.trim() || work.area.trim(),
    contactDesk: await contactDeskOf(tx, work.municipalityCode),
  };
}

/** The volunteer of one match hears of tomorrow's work: their match page, in their language, with the calendar file. */
async function remindVolunteer(ctx: Context, tx: Database, work: Work) {
  const volunteer = (await applicationRepository(tx).person(work.volunteerId))!;
  const toVolunteer = workEvent.volunteer(ctx.config, work.applicationId, work);
  const mail = {
    template: workTomorrowVolunteerMail,
    vars: { ...(await workTomorrowVars(tx, work)), link: toVolunteer.link },
    municipalityCode: work.municipalityCode,
    attachments: calendarAttachment(toVolunteer),
  };
  const ids = { requestId: work.requestId, applicationId: work.applicationId };
  const params = { requestTitle: work.title };
  await notify(
    ctx,
    { kind: 'workTomorrow', to: [volunteer], ...ids, params, link: webPages.match(work.applicationId), mail },
    tx,
  );
}

/**
 * The association's officers hear once per request of tomorrow's work, naming every volunteer
 * matched for it (`matches`, one request's), with the request's calendar file; the link opens
 * the first match's page (one link, as before).
 */
async function remindOfficers(ctx: Context, tx: Database, matches: Work[]) {
  const work = matches[0]!;
  const people = applicationRepository(tx);
  const volunteerNames = [];
  for (const match of matches) volunteerNames.push((await people.person(match.volunteerId))!.displayName);
  const page = webPages.match(work.applicationId);
  const mail = {
    template: workTomorrowOfficerMail,
    vars: { ...(await workTomorrowVars(tx, work)), volunteerNames, link: publicLink(ctx.config, page) },
    municipalityCode: work.municipalityCode,
    attachments: calendarAttachment(workEvent.association(ctx.config, work)),
  };
  const to = await requestReader(tx).officerRecipients(work.associationId);
  const params = { requestTitle: work.title };
  await notify(ctx, { kind: 'workTomorrow', to, requestId: work.requestId, params, link: page, mail }, tx);
}

/**
 * The day-before reminders: every match whose work starts tomorrow (a Tokyo day) and was not
 * reminded yet tells its volunteer, and each such request's officers hear once for the request.
 * The records and the mails are written in one transaction, so each is told once even when two
 * sweeps overlap. Returns how many matches were reminded.
 */
export async function sendWorkReminders(app: FastifyInstance, now = new Date()): Promise<number> {
  const ctx = systemContext(app);
  const tomorrow = tokyoDayStart(tokyoDayOf(now), 1);
  return ctx.door.asSystem('remind of matched work tomorrow', async (tx) => {
    const repo = calendarRepository(tx);
    const byRequest = new Map<string, Work[]>();
    for (const work of await repo.workStartingUnreminded(tomorrow, tokyoDayStart(tokyoDayOf(tomorrow), 1))) {
      if (!(await repo.recordReminder('work_tomorrow', work.applicationId))) continue;
      await remindVolunteer(ctx, tx, work);
      byRequest.set(work.requestId, [...(byRequest.get(work.requestId) ?? []), work]);
    }
    let told = 0;
    for (const [requestId, matches] of byRequest) {
      told += matches.length;
      if (await repo.recordReminder('work_tomorrow_officers', requestId)) await remindOfficers(ctx, tx, matches);
    }
    return told;
  });
}

/**
 * Who hears of a request with no hands, and what: its officers, in their language, with tips to
 * widen it and the volunteers the matching suggests for it (those who agreed to be suggested).
 */
async function tellQuietRequest(
  ctx: Context,
  tx: Database,
  request: { id: string; title: string; associationName: string; associationId: string; municipalityCode: string },
  now: Date,
) {
  const suggestable = await matchingRepository(tx).request(request.id);
  const suggested = suggestable ? await suggestVolunteers(tx, suggestable, now.getTime(), suggestedInMail) : null;
  const page = webPages.officerRequest(request.id);
  const mail = {
    template: noHandsMail,
    vars: {
      title: request.title,
      associationName: request.associationName,
      suggestedNames: suggested?.items.map((s) => s.displayName) ?? [],
      contactDesk: await contactDeskOf(tx, request.municipalityCode),
      link: publicLink(ctx.config, page),
    },
    municipalityCode: request.municipalityCode,
  };
  const to = await requestReader(tx).officerRecipients(request.associationId);
  const params = { requestTitle: request.title };
  await notify(ctx, { kind: 'noHands', to, requestId: request.id, params, link: page, mail }, tx);
}

/**
 * Officers of every published request with no hand at all `quietAfterDays` (3) days after it
 * was published hear of it once (recorded with the mail, in one transaction). Returns how many.
 */
export async function sendNoHandsReminders(app: FastifyInstance, now = new Date()): Promise<number> {
  const ctx = systemContext(app);
  const before = new Date(now.getTime() - quietAfterDays * 86_400_000);
  return ctx.door.asSystem('tell officers of requests with no hands', async (tx) => {
    const repo = calendarRepository(tx);
    let told = 0;
    for (const request of await repo.quietRequests(before)) {
      if (!(await repo.recordReminder('no_hands', request.id))) continue;
      await tellQuietRequest(ctx, tx, request, now);
      told++;
    }
    return told;
  });
}

/** Both sweeps as scheduled jobs on the durable queue, on `reminderSchedule` (jobs/scheduled.ts). */
export function scheduleReminders(app: FastifyInstance): void {
  scheduleJob(app, 'work-reminders', reminderSchedule, () => sendWorkReminders(app));
  scheduleJob(app, 'no-hands-reminders', reminderSchedule, () => sendNoHandsReminders(app));
}
