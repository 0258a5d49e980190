import { createDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';

const handle = createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR });
try {
  await migrateDatabase(handle);
  console.log(`migrated (${handle.engine})`);
} finally {
  await handle.close();
}
