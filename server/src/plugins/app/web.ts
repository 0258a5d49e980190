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
  async (app: FastifyInstance, opts: { webBuildDir: string }) => {
    const handlerFile = join(opts.webBuildDir, 'handler.js');
    if (!existsSync(handlerFile)) {
      app.log.warn(`web build not found at ${handlerFile}; run \`pnpm build\` to serve the pages`);
      return;
    }
    const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
    await app.register(middie);
    app.use((req, res, next) => {
      const path = req.url ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return next();
      handler(req, res, next);
    });
  },
  { name: 'web' },
);
