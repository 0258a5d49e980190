import { randomBytes } from 'node:crypto';
import { createDatabase, type DatabaseHandle } from '@board/db';
import postgres from 'postgres';
import { inject } from 'vitest';
import { appDatabaseUrl, databaseUrl, templateName } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** set by global-setup.ts: the test server's admin database URL */
    pgAdminUrl: string;
  }
}

export interface TestDatabase {
  /** the migration owner's URL (DATABASE_URL): fixtures and checks go through `handle` */
  url: string;
  /** the same database signed in as the app's login (APP_DATABASE_URL), subject to row-level security */
  appUrl: string;
  /** the URL of the server's admin database, for tests that need a second role or database */
  adminUrl: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${templateName}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const handle = createDatabase({ url, maxConnections: 5 });
  return {
    url,
    appUrl: appDatabaseUrl(adminUrl, name),
    adminUrl,
    handle,
    drop: async () => {
      await handle.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
