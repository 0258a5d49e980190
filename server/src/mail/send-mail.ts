import type { Language } from '@board/shared';
import type { Database } from '@board/db';
import { mayMail, mayMailWithin, type MailThrottle } from '../limits/mail-throttle.ts';
import type { MailAttachment, OutgoingMail } from '../plugins/app/mailer.ts';
import type { ServiceContext } from '../services/context.ts';
import { compose, withUnsubscribe, type MailTemplate } from './compose.ts';

/** What sending mail needs: the job queue it is queued on, the throttle's counters, the log. */
export type MailContext = Pick<ServiceContext, 'counters' | 'jobs' | 'log'>;

/** The same from the app itself, for code that runs outside a service context (the auth factory). */
export function mailContextOf(
  app: { db: ServiceContext['counters'] } & Pick<ServiceContext, 'jobs' | 'log'>,
): MailContext {
  return { counters: app.db, jobs: app.jobs, log: app.log };
}

export interface MailRecipient {
  /** null: the person has no address any more (deleted account); nobody is mailed */
  email: string | null;
  language: Language;
  /** the one-click unsubscribe link for this mail's kind (notifications/unsubscribe.ts): in the text and the headers */
  unsubscribe?: { page: string; oneClick: string };
}

export interface MailOrder<Vars> {
  template: MailTemplate<Vars>;
  to: MailRecipient[];
  vars: Vars;
  /** counted once per order; past the allowance nobody is mailed (limits/mail-throttle.ts) */
  throttle?: MailThrottle;
  /** the municipality the mail is about: its staff see the delivery if it fails (listFailedDeliveries) */
  municipalityCode?: string | null;
  /** files sent with each recipient's mail (e.g. the work's calendar file), the same for all */
  attachments?: MailAttachment[];
}

/** One composed mail to one address: the data of a job on the `mail` queue (mail/mail-jobs.ts). */
export interface QueuedMail extends OutgoingMail {
  municipalityCode: string | null;
}

/**
 * The one way mail leaves the board: each recipient gets the template composed in their language,
 * after the throttle agrees, as a job on the durable `mail` queue (mail/mail-jobs.ts sends it,
 * retrying with backoff while the mail server refuses).
 *
 * Pass `within`, the transaction of the change the mail announces: the mail is queued in it, so
 * a rolled-back change tells nobody and a committed one is always told (a crash right after the
 * commit only delays it). Inside a transaction a failure to queue fails the change too (both or
 * neither). Without `within` (mail that announces no change of ours, e.g. a sign-in link) it is
 * queued at once, and a failure is logged, never thrown.
 */
export async function sendMail<Vars>(ctx: MailContext, order: MailOrder<Vars>, within?: Database): Promise<void> {
  const recipients = order.to.filter((r): r is MailRecipient & { email: string } => Boolean(r.email));
  if (recipients.length === 0) return;
  const letters = (): QueuedMail[] =>
    recipients.map((recipient) => ({
      ...withUnsubscribe(compose(order.template, recipient.language, recipient.email, order.vars), recipient),
      municipalityCode: order.municipalityCode ?? null,
      ...(order.attachments?.length && { attachments: order.attachments }),
    }));
  if (within) {
    if (order.throttle && !(await mayMailWithin(within, order.throttle))) return;
    await ctx.jobs.enqueue('mail', letters(), within);
    return;
  }
  try {
    if (order.throttle && !(await mayMail(ctx.counters, order.throttle))) return;
    await ctx.jobs.enqueue('mail', letters());
  } catch (err) {
    ctx.log.error({ err }, 'mail could not be queued');
  }
}
