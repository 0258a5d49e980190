import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import middie from '@fastify/middie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** Serves the SvelteKit build (adapter-node's handler) from this process, for every non-/api URL. */
export default fp(
  async (app: FastifyInstance, opts: { webBuildDir: string; trustProxy: boolean }) => {
    const handlerFile = join(opts.webBuildDir, 'handler.js');
    if (!existsSync(handlerFile)) {
      app.log.warn(`web build not found at ${handlerFile}; run \`pnpm build\` to serve the pages`);
      return;
    }
    // adapter-node assumes https unless told where to read the protocol; without this every
    // form post over plain http fails SvelteKit's same-origin check. Read once, at import.
    process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
    const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
    await app.register(middie);
    app.use((req, res, next) => {
      const path = req.url ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return next();
      // a trusted proxy in front says how the visitor connected; otherwise the socket does
      if (!opts.trustProxy || !req.headers['x-forwarded-proto']) {
        req.headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
      }
      handler(req, res, next);
    });
  },
  { name: 'web' },
);
