import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config.ts';

const CapturedMail = z.object({
  id: z.number(),
  at: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});
const CapturedMailList = z.object({ items: z.array(CapturedMail) });

/**
 * Captured mail is everyone's sign-in and reset links: it is shown only when no mail leaves
 * (no SMTP), never in production, and only in demo mode or tests.
 */
export function capturedMailVisible(config: AppConfig): boolean {
  return !config.smtpUrl && config.env !== 'production' && (config.demoData || config.env === 'test');
}

/** GET /api/dev/mail: the mail the board would have sent, newest first. Not registered at all otherwise (404). */
export default async function devMailRoutes(app: FastifyInstance) {
  if (!capturedMailVisible(app.config)) return;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dev/mail',
    {
      schema: {
        operationId: 'listCapturedMail',
        tags: ['dev'],
        summary: 'Mail captured instead of sent (demo and tests only, never with SMTP or in production)',
        response: { 200: CapturedMailList },
      },
    },
    async () => ({ items: app.mailer.captured.map((m) => ({ ...m })) }),
  );
}
