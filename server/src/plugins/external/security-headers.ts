import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Helmet's headers on every response. Pages served by SvelteKit replace the CSP with their
 * own (nonce-based, set in the web build); API JSON keeps helmet's strict default.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          // the API docs page (swagger-ui) loads its own scripts and styles from /api/docs/static
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // plain http on localhost must keep working; TLS is the reverse proxy's job
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
      // helmet's `no-referrer` makes Chromium send `Origin: null` on form posts, which SvelteKit's
      // CSRF check (rightly) refuses; this default of browsers still hides paths from other sites
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    });
  },
  { name: 'security-headers' },
);
