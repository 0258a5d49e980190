import type { FastifyInstance } from 'fastify';
import type { QueuedMail } from './send-mail.ts';

/**
 * The worker of the `mail` queue: hands one composed mail to the mail server. A refusal throws,
 * so the queue tries again later (db/src/job-queue.ts: backoff, then `failed`, which staff see).
 * A crash after the server took the mail and before the job was marked done sends it again once
 * the job's claim expires: at least once, never lost.
 */
export function workMailQueue(app: FastifyInstance): void {
  app.jobs.work<QueuedMail>('mail', async (mail) => {
    try {
      await app.mailer.send({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers,
        attachments: mail.attachments,
      });
    } catch (err) {
      app.log.error({ err }, 'mail could not be sent; the queue tries again later');
      throw err;
    }
  });
}
