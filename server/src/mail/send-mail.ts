import type { Language } from '@board/shared';
import { mayMail, type MailThrottle } from '../limits/mail-throttle.ts';
import type { ServiceContext } from '../services/context.ts';
import { compose, type MailTemplate } from './compose.ts';

/** What sending mail needs: any service context (the throttle's counters, the mailer, the log). */
export type MailContext = Pick<ServiceContext, 'counters' | 'mailer' | 'log'>;

/** The same from the app itself, for code that runs outside a service context (the auth factory). */
export function mailContextOf(
  app: { db: ServiceContext['counters'] } & Pick<ServiceContext, 'mailer' | 'log'>,
): MailContext {
  return { counters: app.db, mailer: app.mailer, log: app.log };
}

export interface MailRecipient {
  /** null: the person has no address any more (deleted account); nobody is mailed */
  email: string | null;
  language: Language;
}

export interface MailOrder<Vars> {
  template: MailTemplate<Vars>;
  to: MailRecipient[];
  vars: Vars;
  /** counted once per order; past the allowance nobody is mailed (limits/mail-throttle.ts) */
  throttle?: MailThrottle;
}

/**
 * The one way mail leaves the board: each recipient gets the template composed in their language,
 * after the throttle agrees. Call it after the change committed (a rolled-back change tells
 * nobody). A failing mail server must not turn a committed change into an error answer (the
 * person would try again and meet a conflict): failures are logged, never thrown.
 *
 * The single entry point for the durable job queue of issue 11: enqueue here instead of sending.
 */
export async function sendMail<Vars>(ctx: MailContext, order: MailOrder<Vars>): Promise<void> {
  const recipients = order.to.filter((r): r is MailRecipient & { email: string } => Boolean(r.email));
  if (recipients.length === 0) return;
  try {
    if (order.throttle && !(await mayMail(ctx.counters, order.throttle))) return;
  } catch (err) {
    ctx.log.error({ err }, 'mail throttle could not be read; mail not sent');
    return;
  }
  for (const recipient of recipients) {
    try {
      await ctx.mailer.send(compose(order.template, recipient.language, recipient.email, order.vars));
    } catch (err) {
      ctx.log.error({ err }, 'mail could not be sent');
    }
  }
}
