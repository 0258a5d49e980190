import { startCluster } from './cluster.ts';

/**
 * `scripts/cluster [instances]`: the board as several instances behind nginx, with PgBouncer in
 * front of one PostgreSQL (docs/deploy.md). PORT (default 3000) is nginx's; Ctrl+C stops it all.
 */
const instances = Number(process.argv[2] ?? process.env.INSTANCES ?? 2);
if (!Number.isInteger(instances) || instances < 1) {
  console.error('usage: scripts/cluster [number of instances, default 2]');
  process.exit(2);
}
const cluster = await startCluster({
  instances,
  port: Number(process.env.PORT ?? 3000),
  logLevel: process.env.LOG_LEVEL,
});
console.log(
  `まちの腕きき掲示板: ${instances} instances behind nginx on ${cluster.url.replace('127.0.0.1', 'localhost')}`,
);
for (const [i, url] of cluster.instances.entries()) console.log(`  instance ${i + 1}: ${url}`);
console.log(`  PostgreSQL (owner): ${cluster.databaseUrl}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping: nginx, then each instance gracefully, PgBouncer, PostgreSQL');
    cluster.stop().then(() => process.exit(0));
  });
