import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import middie from '@fastify/middie';
import compression from 'compression';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** Where the page server reads the visitor's address: set here from Fastify's request.ip, never by the visitor. */
const visitorAddressHeader = 'x-board-visitor-address';

/**
 * Serves the SvelteKit build (adapter-node's handler) from this process, for every non-/api URL.
 * The visitor's address and protocol are Fastify's (request.ip/protocol: the socket, or what the
 * TRUST_PROXY_HOPS configured proxies report), so the page server agrees with the API about them.
 */
export default fp(
  async (app: FastifyInstance, opts: { webBuildDir: string; pageServerSecret: string }) => {
    const handlerFile = join(opts.webBuildDir, 'handler.js');
    if (!existsSync(handlerFile)) {
      app.log.warn(`web build not found at ${handlerFile}; run \`pnpm build\` to serve the pages`);
      return;
    }
    // adapter-node assumes https unless told where to read the protocol; without this every
    // form post over plain http fails SvelteKit's same-origin check. Read once, at import.
    process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
    process.env.ADDRESS_HEADER = visitorAddressHeader;
    // hooks.server.ts signs the visitor's address with it on the page server's API calls
    process.env.PAGE_SERVER_SECRET = opts.pageServerSecret;
    const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
    // Pages and their data go out compressed (brotli at quality 4, or gzip, as the browser
    // accepts): the board's HTML is 85 KB as written, 18 KB compressed, on a phone's slow line.
    // The build's files are compressed once at build time (sirv sends those; this skips them).
    const compress = compression() as unknown as NodeHandler;
    await app.register(middie);
    app.use((req: IncomingMessage & { ip?: string; protocol?: string }, res, next) => {
      const path = req.url ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return next();
      // @fastify/middie copies Fastify's request.ip and request.protocol onto the raw request
      req.headers['x-forwarded-proto'] = req.protocol ?? 'http';
      req.headers[visitorAddressHeader] = req.ip ?? req.socket.remoteAddress ?? '';
      compress(req, res, (err) => (err ? next(err) : handler(req, res, next)));
    });
  },
  { name: 'web' },
);
