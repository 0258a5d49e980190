import { createDatabase } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';
import { seedDemo, seedMunicipalities } from './seed.ts';

const handle = createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR });
try {
  await migrateDatabase(handle);
  console.log(`municipalities: ${await seedMunicipalities(handle.db)}`);
  const demo = handle.engine === 'pglite' || process.env.DEMO_DATA === '1';
  if (demo) console.log(`demo data: ${await seedDemo(handle.db)}`);
} finally {
  await handle.close();
}
