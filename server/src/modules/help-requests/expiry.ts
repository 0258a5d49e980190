import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { requestExpiredMail } from '../../mail/request-mails.ts';
import { scheduleJob } from '../../jobs/scheduled.ts';
import { notify } from '../notifications/notify.ts';
import { systemContext, type ServiceContext } from '../../services/context.ts';
import { recordAudit } from '../audit/record.ts';
import { expireStaleHelpInvitations } from '../help-invitations/service.ts';
import { applicantsToTell, tellApplicantsRequestEnded } from './applicant-notice.ts';
import { requestReader } from './reader.ts';
import { associationRepository } from '../associations/repository.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { requestRepository } from './repository.ts';

/** How often the expiry sweep runs (a cron schedule on the job queue, UTC). */
export const expirySchedule = '*/5 * * * *';

/**
 * The `expire` transition for every published request past its application deadline with open
 * slots: one conditional UPDATE, so when two sweeps overlap each row changes (and is audit-logged
 * and mailed about) exactly once. Officers are told, in their language, that they can copy the
 * request to post it again; the mails are queued in the same transaction. Returns how many expired.
 */
export async function expireOverdueRequests(app: FastifyInstance): Promise<number> {
  const ctx = systemContext(app);
  const expired = await expireOverdue(ctx);
  if (expired > 0) {
    app.boardCache.invalidate();
    app.log.info({ count: expired }, 'expired overdue requests');
  }
  // invitations to help lapse with their request (whatever ended it), or after 14 days
  const lapsed = await expireStaleHelpInvitations(ctx);
  if (lapsed > 0) app.log.info({ count: lapsed }, 'expired invitations to help');
  return expired;
}

/** The sweep itself, for any system context (the app's, or the demo history's seed). */
export async function expireOverdue(ctx: ServiceContext<null>): Promise<number> {
  return ctx.door.asSystem('expire overdue requests', async (tx) => {
    const repo = requestRepository(tx);
    const rows = await repo.expireOverdue();
    for (const row of rows) {
      await recordAudit(tx, {
        actorId: null,
        action: 'request.expire',
        municipalityCode: row.municipalityCode,
        subjectType: 'help_request',
        subjectId: row.id,
        details: { title: row.title },
      });
      const association = (await associationRepository(tx).find(row.associationId))!;
      const municipality = (await municipalityRepository(tx).find(row.municipalityCode))!;
      const names = {
        id: row.id,
        title: row.title,
        associationName: association.name,
        municipality: { nameJa: municipality.nameJa, nameEn: municipality.nameEn },
        contactDesk: municipality.settings.contactDesk?.trim() || null,
      };
      const about = row.municipalityCode;
      const recipients = await requestReader(tx).officerRecipients(row.associationId);
      const page = webPages.officerRequest(row.id);
      const mail = {
        template: requestExpiredMail,
        vars: { ...names, link: publicLink(ctx.config, page) },
        municipalityCode: about,
      };
      const params = { requestTitle: row.title };
      await notify(ctx, { kind: 'requestExpired', to: recipients, requestId: row.id, params, link: page, mail }, tx);
      const applicants = await applicantsToTell(tx, row.id, 'expired');
      await tellApplicantsRequestEnded(ctx, applicants, names, 'expired', tx, about);
    }
    return rows.length;
  });
}

/**
 * The sweep as a scheduled job on the durable queue (jobs/scheduled.ts): whatever the number of
 * instances, one works each tick, and the UPDATE takes every overdue request, so a missed tick is
 * caught up; each instance also sweeps once as it comes up, for what fell due while none ran.
 */
export function scheduleExpiry(app: FastifyInstance): void {
  scheduleJob(app, 'expire-requests', expirySchedule, () => expireOverdueRequests(app), { atStart: true });
}
