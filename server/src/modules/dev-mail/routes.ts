import { can, DomainError } from '@board/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from '../../config.ts';
import { isLoopback } from '../../network.ts';
import { defineRoutes, route, type Routes } from '../../routes/define-routes.ts';

const CapturedMail = z.object({
  id: z.number(),
  at: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});
const CapturedMailList = z.object({ items: z.array(CapturedMail) });

/**
 * Captured mail is everyone's sign-in and reset links: it is kept only when no mail leaves
 * (no SMTP), never in production, and only in demo mode or tests.
 */
export function capturedMailVisible(config: AppConfig): boolean {
  return !config.smtpUrl && config.env !== 'production' && (config.demoData || config.env === 'test');
}

/**
 * Only this machine can reach the server: every address it listens on is loopback (none at all
 * when tests inject requests) and no reverse proxy forwards the world to it.
 */
function reachableFromThisMachineOnly(app: FastifyInstance): boolean {
  // a string address is a local socket path: this machine only
  const local = (a: string | { address: string }) => typeof a === 'string' || isLoopback(a.address);
  return app.config.trustProxyHops === 0 && app.addresses().every(local);
}

/** The demo's mail to anyone on this machine; beyond it, to signed-in foundation staff only (others: 404). */
function mayRead(app: FastifyInstance, request: FastifyRequest): boolean {
  return reachableFromThisMachineOnly(app) || can(request.actor, 'devMail.read');
}

/** GET /api/dev/mail: the mail the board would have sent, newest first. Not registered at all otherwise (404). */
export default defineRoutes('dev', (app): Routes => {
  if (!capturedMailVisible(app.config)) return {};
  return {
    listCapturedMail: route('GET /api/dev/mail', {
      summary: 'Mail captured instead of sent (demo and tests only, never with SMTP or in production)',
      description:
        'Served to anyone only while the server listens on loopback addresses alone with no proxy in front ' +
        '(TRUST_PROXY_HOPS=0); otherwise to signed-in foundation staff only, and 404 for everyone else.',
      signIn: 'optional',
      response: { 200: CapturedMailList },
      errors: [404],
      handler: async (_context, _input, { request, reply }) => {
        if (!mayRead(app, request)) throw new DomainError('NOT_FOUND', `No route for GET ${request.url.split('?')[0]}`);
        reply.header('cache-control', 'no-store');
        return { items: app.mailer.captured.map((m) => ({ ...m })) };
      },
    }),
  };
});
