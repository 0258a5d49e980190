import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.ts';
import { prepareTemplate } from './template.ts';
import './test-database.ts';

/** Vitest global setup: one PostgreSQL for the whole run and a migrated template database. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const pg = await startTestPostgres();
  await prepareTemplate(pg.adminUrl);
  console.log(`[test-db] PostgreSQL from ${pg.source}, template ready in ${Date.now() - started} ms`);
  project.provide('pgAdminUrl', pg.adminUrl);
  return async () => {
    await pg.stop();
  };
}
