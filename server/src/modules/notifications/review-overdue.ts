import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { reviewOverdueMail } from '../../mail/notification-mails.ts';
import { systemContext } from '../../services/context.ts';
import { notify } from './notify.ts';
import { recipientRepository } from './recipients.ts';
import { notificationRepository } from './repository.ts';

/** How long a request may wait for review before its staff are reminded. */
export const reviewOverdueAfterMs = 2 * 24 * 60 * 60 * 1000;

/**
 * The daily check: each request waiting for review more than two days tells its municipality's
 * staff, once per request (a request already told of is not told again).
 */
export async function checkReviewOverdue(app: FastifyInstance, now = new Date()): Promise<number> {
  const ctx = systemContext(app);
  return ctx.door.asSystem('tell staff of requests waiting over two days', async (tx) => {
    const overdue = await notificationRepository(tx).overdueForReview(new Date(now.getTime() - reviewOverdueAfterMs));
    for (const request of overdue) {
      const to = await recipientRepository(tx).staffOf(request.municipalityCode);
      const link = webPages.moderationRequest(request.id);
      const vars = { titles: [request.title], link: publicLink(app.config, webPages.moderationQueue) };
      const mail = { template: reviewOverdueMail, vars, municipalityCode: request.municipalityCode };
      const params = { requestTitle: request.title };
      await notify(ctx, { kind: 'reviewOverdue', to, requestId: request.id, params, link, mail }, tx);
    }
    return overdue.length;
  });
}
