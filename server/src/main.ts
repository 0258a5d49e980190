import { createDatabase, migrateDatabase, openAppDatabase } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import Fastify from 'fastify';
import { buildApp } from './app.ts';
import { drainAndClose } from './plugins/app/lifecycle.ts';
import { fillMissingReadings } from './furigana/backfill.ts';
import { systemContext } from './services/context.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoHistory } from './demo/history.ts';

function readConfig() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

const config = readConfig();
// the migration owner migrates and seeds; requests run on the app's own login (db/src/app-connection.ts)
const owner = createDatabase({ url: config.databaseUrl, dataDir: config.pgliteDataDir });
await migrateDatabase(owner);
await seedMunicipalities(owner.db);
if (config.demoData && (await seedDemo(owner.db)) === 'seeded' && config.demoHistory) {
  // a year of requests, matches and thanks, played through the services (server/src/demo)
  const started = Date.now();
  await seedDemoHistory(owner.db, config, Fastify({ logger: false }).log);
  console.log(`demo history seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const database = await openAppDatabase(owner, {
  ownerUrl: config.databaseUrl,
  appUrl: config.appDatabaseUrl,
  prepare: config.databasePrepare,
  directUrl: config.appDirectDatabaseUrl,
});

const app = await buildApp(config, { database });

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const delayMs = config.shutdownDelaySeconds * 1000;
    // requests in flight and the job in hand get 10 s after the drain delay, then the process goes anyway
    const timer = setTimeout(() => process.exit(1), delayMs + 10_000).unref();
    await drainAndClose(app, delayMs);
    await database.close();
    clearTimeout(timer);
    process.exit(0);
  });
}

await app.listen({ host: config.host, port: config.port });
// readings of texts stored before furigana (or by the seed), in the background (issue 13)
fillMissingReadings(systemContext(app)).then(
  (filled) => filled > 0 && app.log.info({ filled }, 'readings made for stored texts'),
  (err: unknown) => app.log.error({ err }, 'making readings for stored texts failed'),
);
app.log.info(
  `まちの腕きき掲示板 on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.engine}${config.demoData ? ', demo data' : ''})`,
);
