import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { requestExpiredMail } from '../../mail/request-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { systemContext } from '../../services/context.ts';
import { recordAudit } from '../audit/record.ts';
import { applicantsToTell, tellApplicantsRequestEnded } from './applicant-notice.ts';
import { requestReader } from './reader.ts';
import { requestRepository } from './repository.ts';

/** How often the server looks for requests whose application deadline passed. */
export const expiryIntervalMs = 5 * 60_000;

/**
 * The `expire` transition for every published request past its application deadline with open
 * slots: one conditional UPDATE, so when several server instances run this at the same moment
 * each row changes (and is audit-logged and mailed about) exactly once. Officers are told, in
 * their language, that they can copy the request to post it again. Returns how many expired.
 */
export async function expireOverdueRequests(app: FastifyInstance): Promise<number> {
  const ctx = systemContext(app);
  const expired = await ctx.door.asSystem('expire overdue requests', async (tx) => {
    const repo = requestRepository(tx);
    const rows = await repo.expireOverdue();
    const out = [];
    for (const row of rows) {
      await recordAudit(tx, {
        actorId: null,
        action: 'request.expire',
        municipalityCode: row.municipalityCode,
        subjectType: 'help_request',
        subjectId: row.id,
        details: { title: row.title },
      });
      const association = (await requestReader(tx).association(row.associationId))!;
      const municipality = (await requestReader(tx).municipality(row.municipalityCode))!;
      out.push({
        row,
        associationName: association.name,
        municipality: { nameJa: municipality.nameJa, nameEn: municipality.nameEn },
        contactDesk: municipality.settings.contactDesk?.trim() || null,
        recipients: await requestReader(tx).officerRecipients(row.associationId),
        applicants: await applicantsToTell(tx, row.id, 'expired'),
      });
    }
    return out;
  });
  if (expired.length > 0) app.boardCache.invalidate();
  // mail only after the transaction committed: a rolled-back expiry tells nobody
  for (const e of expired) {
    await sendMail(ctx, {
      template: requestExpiredMail,
      to: e.recipients,
      vars: {
        title: e.row.title,
        associationName: e.associationName,
        municipality: e.municipality,
        contactDesk: e.contactDesk,
        link: publicLink(app.config, webPages.officerRequest(e.row.id)),
      },
    });
    await tellApplicantsRequestEnded(
      ctx,
      e.applicants,
      {
        id: e.row.id,
        title: e.row.title,
        associationName: e.associationName,
        municipality: e.municipality,
        contactDesk: e.contactDesk,
      },
      'expired',
    );
  }
  if (expired.length > 0) app.log.info({ count: expired.length }, 'expired overdue requests');
  return expired.length;
}

/**
 * Runs the expiry every five minutes (and once when the server is ready) in this process.
 *
 * Why a timer and not a Postgres-backed job queue such as pg-boss: the board also runs on the
 * embedded PGlite (demo, `scripts/start`, no DATABASE_URL), and pg-boss cannot run there: it
 * connects through node-postgres to a server (connection string or pool) while PGlite is one
 * in-process connection with no socket. The job does not need a queue's guarantees either: it is
 * idempotent, its one conditional UPDATE is safe when several instances run it at once (each row
 * expires, is logged and mailed about once), and a tick missed while no server ran is caught up
 * by the next. Disabled in tests, which call expireOverdueRequests directly.
 */
export function scheduleExpiry(app: FastifyInstance): void {
  if (app.config.env === 'test') return;
  const run = () => {
    expireOverdueRequests(app).catch((err: unknown) => app.log.error({ err }, 'request expiry failed'));
  };
  const timer = setInterval(run, expiryIntervalMs);
  timer.unref();
  app.addHook('onReady', async () => {
    setImmediate(run).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
