import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateDatabase } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import { buildApp } from '@board/server';
import { loadConfig } from '@board/server/config';
import { load, loadSettings, table } from './compare.ts';

/**
 * `pnpm bench`: the API's routes against a bare Fastify route returning a fixed JSON of the same
 * size, in the same process. DATABASE_URL picks a PostgreSQL server; else an embedded PGlite.
 * BENCH_SECONDS and BENCH_CONNECTIONS tune the run.
 */
const { seconds, connections } = loadSettings;
const dataDir = mkdtempSync(join(tmpdir(), 'board-bench-'));
const database = createDatabase({ url: process.env.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
await migrateDatabase(database);
await seedMunicipalities(database.db);
await seedDemo(database.db);

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SERVE_WEB: '0', PORT: '0' });
const app = await buildApp(config, { database });
let fixed = '';
app.get('/bench/bare', { schema: { hide: true } }, async (_request, reply) =>
  reply.type('application/json').send(fixed),
);
fixed = (await app.inject({ method: 'GET', url: '/api/municipalities?status=active' })).body;
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

console.log(
  `engine: ${database.engine}; ${connections} connections, ${seconds} s per route; response ${fixed.length} bytes`,
);
const bare = await load('bare route (fixed JSON)', `${base}/bench/bare`, { connections, seconds });
const municipalities = await load('GET /api/municipalities?status=active', `${base}/api/municipalities?status=active`, {
  connections,
  seconds,
});
console.log(table([bare, municipalities], bare));

await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
