import { createDatabase, migrateDatabase } from '@board/db';
import postgres from 'postgres';

export const templateName = 'board_template';

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
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
  } finally {
    await handle.close();
  }
}
