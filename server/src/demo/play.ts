import { schema, type Database } from '@board/db';
import { CreateHelpRequestBody, type Actor, type RoleGrant, type When } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { acceptApplication, applyToRequest, declineApplication } from '../modules/applications/service.ts';
import { completeMatch, confirmCompletion, sendThanks } from '../modules/completion/service.ts';
import { inviteVolunteer } from '../modules/help-invitations/service.ts';
import { createRequest, submitRequest, withdrawRequest } from '../modules/help-requests/service.ts';
import { sendMessage } from '../modules/messages/service.ts';
import { approveRequest, closeRequest, rejectRequest, requestChangesToRequest } from '../modules/moderation/service.ts';
import type { Mailer } from '../plugins/app/mailer.ts';
import { contextFor, type ServiceContext } from '../services/context.ts';
import type { StepWindow } from './retime.ts';
import type { Story } from './stories.ts';
import { words } from './words.ts';

const day = 86_400_000;
const hour = 3_600_000;

/** A match of the history its volunteer confirmed (case stories are written about these). */
export interface ConfirmedMatch {
  applicationId: string;
  officer: string;
  staff: string;
  volunteer: string;
  confirmedAt: Date;
}

/** 10:00 in Tokyo (UTC+9) on the Tokyo day of `instant` */
function tokyoMorning(instant: number): number {
  const tokyoDay = Math.floor((instant + 9 * hour) / day) * day;
  return tokyoDay - 9 * hour + 10 * hour;
}

/**
 * Plays the demo history through the services, as the people would have done it, and notes
 * each step's start and planned moment for `retimeRepository.moveSteps`. Nothing is announced:
 * the history's mail goes nowhere (the queue drops it), so the demo's mail page stays for today.
 */
export class HistoryPlayer {
  readonly steps: StepWindow[] = [];
  readonly shifts: { requestId: string; byMs: number }[] = [];
  /** every match the volunteer confirmed, in the order played, with who took part and when it was confirmed */
  readonly confirmed: ConfirmedMatch[] = [];
  readonly db: Database;
  /** demo account ids by key (demo-data.ts, people.ts) */
  readonly userIds: Map<string, string>;
  /** the moment the history is told up to */
  readonly now: Date;
  readonly dependencies: { db: Database; mailer: Mailer; jobs: JobQueue; config: AppConfig };
  private readonly log: FastifyBaseLogger;
  private readonly actors = new Map<string, Actor>();
  /** the database clock minus ours (retimeRepository.clockOffset) */
  clockOffset = 0;

  constructor(db: Database, config: AppConfig, log: FastifyBaseLogger, userIds: Map<string, string>, now: Date) {
    this.db = db;
    this.log = log;
    this.userIds = userIds;
    this.now = now;
    const mailer: Mailer = { captured: [], sending: false, send: async () => {} };
    const jobs: JobQueue = {
      boss: undefined as never,
      enqueue: async () => {},
      work: () => {
        throw new Error('no workers while the demo history is seeded');
      },
      schedule: () => {
        throw new Error('no schedules while the demo history is seeded');
      },
    };
    this.dependencies = { db, mailer, jobs, config };
  }

  userId(key: string): string {
    const id = this.userIds.get(key);
    if (!id) throw new Error(`no demo account ${key}`);
    return id;
  }

  /** the context a request of this demo person would get */
  async as(key: string): Promise<ServiceContext<Actor>> {
    let actor = this.actors.get(key);
    if (!actor) {
      const userId = this.userId(key);
      const { roleAssignments: r } = schema;
      const roles = await this.db
        .select({ role: r.role, municipalityCode: r.municipalityCode, associationId: r.associationId })
        .from(r)
        .where(eq(r.userId, userId));
      actor = { userId, roles: roles as RoleGrant[] };
      this.actors.set(key, actor);
    }
    return contextFor(this.dependencies, actor, this.log);
  }

  /** one step, told as having happened at `planned` */
  async at<T>(planned: Date, work: () => Promise<T>): Promise<T> {
    // the database's now() in this step is never before this millisecond (read on its clock)
    this.steps.push({ began: new Date(Date.now() + this.clockOffset), planned });
    const result = await work();
    // the next step starts in a later millisecond, so no moment belongs to two steps
    const end = Date.now();
    while (Date.now() <= end) await new Promise((resolve) => setTimeout(resolve, 1));
    return result;
  }

  /** a story from posting to where it ends; returns the request's id */
  async play(story: Story): Promise<string> {
    // posted at ten in the morning, Tokyo time, that day
    const posted = tokyoMorning(this.now.getTime() - story.daysAgo * day) + story.minute * 60_000;
    // a recent story happens faster, so each of its steps lies in the past
    const pace = Math.min(1, (this.now.getTime() - posted - 0.1 * day) / (15 * day));
    const at = (days: number) => new Date(posted + days * pace * day);
    const officer = await this.as(story.officer);
    const staff = await this.as(story.staff);
    const ending = story.ending;
    const open = ['published', 'published_with_match', 'filled'].includes(ending);
    const finished = ['done', 'completed'].includes(ending);

    // moments the officer chose, counted from posting (the request's row moves with its posting)
    const seedNow = Date.now();
    const waiting = open || ending === 'pending_review' || ending === 'changes_requested';
    // a finished story's hands are accepted before its deadline; an expired one's deadline passes with hands waiting
    const deadlineDays = waiting ? story.daysAgo + 10 : ending === 'expired' ? 6 : finished ? 5.5 * pace : 10;
    const startDays = finished ? 12 * pace : deadlineDays + 3;
    const when: When =
      ending === 'draft' || ending === 'closed'
        ? { kind: 'flexible' }
        : { kind: 'at', startsAt: new Date(seedNow + startDays * day).toISOString() };
    const input = CreateHelpRequestBody.parse({
      title: story.title,
      body: story.body,
      category: story.category,
      skills: story.skills,
      slots: story.slots,
      when,
      area: story.area,
      estimatedHours: 2 + (story.slots % 2),
      applicationDeadline: ending === 'draft' ? null : new Date(seedNow + deadlineDays * day).toISOString(),
      associationId: undefined,
    });
    const request = await this.at(at(0), () => createRequest(officer, input));
    const id = request.id;
    this.shifts.push({ requestId: id, byMs: posted - seedNow });
    if (ending === 'draft') return id;

    const submitted = await this.at(at(0.1), () => submitRequest(officer, id));
    if (ending === 'pending_review') return id;
    if (ending === 'changes_requested') {
      await this.at(at(1), () => requestChangesToRequest(staff, id, words.changesReason));
      return id;
    }
    if (ending === 'rejected') {
      await this.at(at(1), () => rejectRequest(staff, id, words.rejectReason));
      return id;
    }
    if (submitted.status === 'pending_review') await this.at(at(1), () => approveRequest(staff, id));
    if (story.invite) {
      const invitee = this.userId(story.invite);
      // an open invitation lapses 14 days after it is sent: one still waiting was sent in the last days
      const stillOpen = ['published', 'published_with_match'].includes(ending) && !story.hands.includes(story.invite);
      const recently = this.now.getTime() - (1 + (story.minute % 4)) * day;
      const sent = stillOpen ? new Date(Math.max(at(1.5).getTime(), recently)) : at(1.5);
      await this.at(sent, () => inviteVolunteer(officer, id, invitee));
    }
    if (ending === 'withdrawn') {
      await this.at(at(3), () => withdrawRequest(officer, id));
      return id;
    }

    const hands: { volunteer: string; applicationId: string }[] = [];
    for (const [k, volunteer] of story.hands.entries()) {
      const as = await this.as(volunteer);
      const mine = await this.at(at(2 + k * 0.7), () => applyToRequest(as, id, { message: words.hand(k) }));
      hands.push({ volunteer, applicationId: mine.id });
    }
    if (ending === 'published' || ending === 'expired') return id;
    if (ending === 'closed') {
      await this.at(at(6), () => closeRequest(staff, id, words.closeReason));
      return id;
    }

    const accepted = ending === 'published_with_match' ? hands.slice(0, 1) : hands.slice(0, story.slots);
    for (const [k, hand] of accepted.entries()) {
      await this.at(at(5 + k * 0.1), () => acceptApplication(officer, hand.applicationId, words.acceptNote));
      const volunteer = await this.as(hand.volunteer);
      await this.at(at(5.2 + k * 0.1), () => sendMessage(officer, hand.applicationId, words.officerMessage));
      await this.at(at(5.5 + k * 0.1), () => sendMessage(volunteer, hand.applicationId, words.volunteerMessage));
    }
    if (ending !== 'published_with_match') {
      for (const hand of hands.slice(story.slots)) {
        await this.at(at(5.8), () => declineApplication(officer, hand.applicationId, words.declineNote));
      }
    }
    if (!finished) return id;

    for (const [k, hand] of accepted.entries()) {
      await this.at(at(12.2 + k * 0.05), () => completeMatch(officer, hand.applicationId));
    }
    if (ending === 'done') return id;
    for (const [k, hand] of accepted.entries()) {
      const volunteer = await this.as(hand.volunteer);
      await this.at(at(13 + k * 0.05), () => confirmCompletion(volunteer, hand.applicationId));
      const { applicationId } = hand;
      this.confirmed.push({
        applicationId,
        officer: story.officer,
        staff: story.staff,
        volunteer: hand.volunteer,
        confirmedAt: at(13),
      });
      await this.at(at(13.2 + k * 0.05), () =>
        sendThanks(volunteer, hand.applicationId, { note: words.thanksToAssociation }),
      );
      const score = 3 + ((story.daysAgo + k) % 3);
      await this.at(at(14 + k * 0.05), () =>
        sendThanks(officer, hand.applicationId, {
          note: words.thanksToVolunteer,
          rating: { score, comment: score === 5 ? words.ratingComment : '' },
        }),
      );
    }
    return id;
  }
}
