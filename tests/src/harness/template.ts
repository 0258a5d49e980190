import { appLoginUrl, appRole, createDatabase, migrateDatabase } from '@board/db';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';

export const templateName = 'board_template';

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The app's login in tests has this password (set when the template is migrated), so it signs in
 * on servers that ask for one too (a container, TEST_DATABASE_URL).
 */
const testAppPassword = 'board-app-test';

/** `adminUrl`'s server and database `name`, signed in as the app's login role. */
export function appDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(appLoginUrl(databaseUrl(adminUrl, name)));
  url.password = testAppPassword;
  return url.toString();
}

/** Creates (or recreates) the migrated template every test database is cloned from. */
export async function prepareTemplate(adminUrl: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${templateName} with (force)`);
    await admin.unsafe(`create database ${templateName}`);
  } finally {
    await admin.end();
  }
  const handle = createDatabase({ url: databaseUrl(adminUrl, templateName), maxConnections: 1 });
  try {
    await migrateDatabase(handle);
    await handle.db.execute(sql.raw(`alter role ${appRole} password '${testAppPassword}'`));
  } finally {
    await handle.close();
  }
}
