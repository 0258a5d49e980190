import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type RunningServer } from '../src/harness/production-server.ts';

const webBuild = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

describe('the production build on one port (embedded database, demo data)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    expect(existsSync(webBuild), 'run `pnpm build` before the tests').toBe(true);
    // the base demo only: the demo history (server/test/demo) would add minutes on a busy machine
    server = await startServerProcess({ DEMO_HISTORY: '0' });
  }, 200_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the API', async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.baseUrl}/api/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('serves the home page with the 14 active municipalities from the same port', async () => {
    const res = await fetch(`${server.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('まちの腕きき掲示板');
    expect(html.match(/data-code="13\d{3}"/g)).toHaveLength(14);
    expect(html).toContain('足立区');
  });

  it('stops cleanly on SIGTERM', async () => {
    const code = await server.stop();
    expect(code).toBe(0);
    expect(server.output()).toContain('shutting down');
  });
});
