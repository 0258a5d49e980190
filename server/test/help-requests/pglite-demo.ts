import { createDatabase, migrateDatabase, type DatabaseHandle } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import type { Actor } from '@board/shared';
import Fastify from 'fastify';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { contextFor } from '../../src/services/context.ts';

/**
 * The demo on PGlite in memory, for tests that run the board's SQL on both engines: the handle,
 * and the context a request of `actor` would get (services need no Fastify), with a mailer and a
 * job queue that fail the test if anything is sent.
 */
export async function openPgliteDemo(noMailBecause: string) {
  const handle: DatabaseHandle = createDatabase({ dataDir: 'memory://' });
  await migrateDatabase(handle);
  await seedMunicipalities(handle.db);
  await seedDemo(handle.db);
  const mailer = { captured: [], sending: false, send: async () => expect.unreachable(noMailBecause) };
  const jobs: JobQueue = {
    boss: undefined as never,
    enqueue: async () => expect.unreachable(noMailBecause),
    work: () => expect.unreachable('no worker in a services-only test'),
    schedule: () => expect.unreachable('no schedule in a services-only test'),
  };
  const dependencies = { db: handle.db, mailer, jobs, config: loadConfig({ NODE_ENV: 'test' }) };
  const log = Fastify({ logger: false }).log;
  return { handle, as: <A extends Actor | null>(actor: A) => contextFor(dependencies, actor, log) };
}
