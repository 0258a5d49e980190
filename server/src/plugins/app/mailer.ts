import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config.ts';

/** A file sent with a mail, e.g. a calendar file (.ics); small text only, as it travels in the job's data. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (notifications/unsubscribe.ts) */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface CapturedMail extends OutgoingMail {
  id: number;
  at: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** mail kept instead of sent when no SMTP_URL is set (tests read it; demo shows it at /dev/mail) */
  readonly captured: CapturedMail[];
  /** true when mail really leaves through SMTP */
  readonly sending: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

const keepAtMost = 200;

/** Mail through nodemailer: SMTP when SMTP_URL is set, else a local sink that keeps the messages. */
export default fp(
  async (app: FastifyInstance, opts: { config: AppConfig }) => {
    const captured: CapturedMail[] = [];
    const transport: Transporter = opts.config.smtpUrl
      ? nodemailer.createTransport(opts.config.smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
    let nextId = 1;
    const mailer: Mailer = {
      captured,
      sending: Boolean(opts.config.smtpUrl),
      async send(mail) {
        await transport.sendMail({
          from: opts.config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.headers && { headers: mail.headers }),
          ...(mail.attachments?.length && { attachments: mail.attachments }),
        });
        if (!opts.config.smtpUrl) {
          captured.unshift({ ...mail, id: nextId++, at: new Date().toISOString() });
          captured.length = Math.min(captured.length, keepAtMost);
        }
      },
    };
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => transport.close());
  },
  { name: 'mailer' },
);
