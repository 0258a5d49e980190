import type { Database } from '@board/db';
import type { Language, NotificationKind } from '@board/shared';
import type { AppConfig } from '../../config.ts';
import { elevateWithin } from '../../database/door.ts';
import type { MailThrottle } from '../../limits/mail-throttle.ts';
import { publicLink } from '../../links/public-links.ts';
import type { MailTemplate } from '../../mail/compose.ts';
import type { MailAttachment } from '../../plugins/app/mailer.ts';
import { sendMail, type MailContext } from '../../mail/send-mail.ts';
import { notificationRepository } from './repository.ts';
import { unsubscribeKey } from './unsubscribe-key.ts';

/** What notify needs: sending mail, and the configuration its links are signed and built with. */
export type NotifyContext = MailContext & { config: AppConfig; clock: () => Date };

/** Someone to tell: their account (the in-app row) and where their mail goes (null: nowhere). */
export interface NotifyRecipient {
  userId: string;
  email: string | null;
  language: Language;
}

/** One piece of news for some people. */
export interface Notice<Vars> {
  kind: NotificationKind;
  to: NotifyRecipient[];
  requestId?: string | null;
  applicationId?: string | null;
  /** the values the web says it with in-app (a title, a name); strings only */
  params: Record<string, string>;
  /** the web page it leads to (a path: webPages) */
  link: string;
  /** the mail for those who chose "at once": its template and values, as sendMail takes them */
  mail: {
    template: MailTemplate<Vars>;
    vars: Vars;
    throttle?: MailThrottle;
    municipalityCode?: string | null;
    attachments?: MailAttachment[];
  };
}

/** The one-click unsubscribe link of a kind's mail to this person (the web's confirm page; the API takes the POST). */
export function unsubscribeLinks(config: AppConfig, userId: string, kind: NotificationKind) {
  const key = unsubscribeKey(config, userId, kind);
  return {
    page: publicLink(config, '/unsubscribe', { key }),
    oneClick: publicLink(config, '/api/unsubscribe', { key }),
  };
}

/**
 * The one way news reaches people (issue 11). In `tx`, the transaction of the change it announces
 * (a request's, or a scheduled job's system transaction): every recipient gets the in-app row, and
 * those whose choice for the kind is "at once" get the mail queued beside it (sendMail), carrying a
 * one-click unsubscribe for the kind. "daily" and "weekly" rows wait for the digest job
 * (digests.ts); "off" sends no mail. A rolled-back change tells nobody, in-app or by mail.
 */
export async function notify<Vars>(ctx: NotifyContext, notice: Notice<Vars>, tx: Database): Promise<void> {
  const to = [...new Map(notice.to.map((r) => [r.userId, r])).values()];
  if (to.length === 0) return;
  const now = ctx.clock();
  const modes = await elevateWithin(tx, 'write notifications for their recipients', async () => {
    const repo = notificationRepository(tx);
    const chosen = await repo.modes(
      to.map((r) => r.userId),
      notice.kind,
    );
    await repo.insert(
      to.map((r) => {
        const mailMode = chosen.get(r.userId)!;
        return {
          recipientId: r.userId,
          kind: notice.kind,
          requestId: notice.requestId ?? null,
          applicationId: notice.applicationId ?? null,
          params: notice.params,
          link: notice.link,
          mailMode,
          mailedAt: mailMode === 'immediate' ? now : null,
        };
      }),
    );
    return chosen;
  });
  const atOnce = to.filter((r) => modes.get(r.userId) === 'immediate');
  await sendMail(
    ctx,
    {
      ...notice.mail,
      to: atOnce.map((r) => ({ ...r, unsubscribe: unsubscribeLinks(ctx.config, r.userId, notice.kind) })),
    },
    tx,
  );
}
