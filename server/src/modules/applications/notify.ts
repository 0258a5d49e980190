import type { Language } from '@board/shared';
import { compose, type MailTemplate } from '../../mail/compose.ts';
import type { MailContext } from '../../services/context.ts';

/**
 * Sends notification mails of a change already committed, each in its recipient's language.
 * A failing mail server must not turn a committed change into an error answer (the person would
 * try again and meet a conflict): failures are logged, not thrown.
 */
export async function notify<Vars>(
  ctx: MailContext,
  template: MailTemplate<Vars>,
  recipients: { email: string | null; language: Language }[],
  vars: Vars,
): Promise<void> {
  for (const recipient of recipients) {
    if (!recipient.email) continue;
    try {
      await ctx.mailer.send(compose(template, recipient.language, recipient.email, vars));
    } catch (err) {
      ctx.log.error({ err }, 'notification mail failed');
    }
  }
}
