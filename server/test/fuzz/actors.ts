import { signIn, type TestApp } from '../kit/index.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from './fingerprint.ts';

/** The demo accounts the fuzzer acts as. */
export const fuzzRoles = {
  anonymous: null,
  volunteer: 'volunteer1@demo.example',
  officer: 'officer.senju@demo.example',
  municipalStaff: 'staff.adachi@demo.example',
  foundationStaff: 'foundation@demo.example',
} as const;
export type FuzzRole = keyof typeof fuzzRoles;

/** Authorization headers per role, each from a real sign-in through the API. */
export async function signInAll(t: TestApp): Promise<Record<FuzzRole, Record<string, string>>> {
  const headers = {} as Record<FuzzRole, Record<string, string>>;
  for (const [role, email] of Object.entries(fuzzRoles) as [FuzzRole, string | null][]) {
    if (email === null) {
      headers[role] = {};
      continue;
    }
    headers[role] = { authorization: `Bearer ${(await signIn(t, email)).accessToken}` };
  }
  return headers;
}

/** Every uuid primary key in the database: requests, applications, flags… of every tenant. */
export async function rowIds(t: TestApp): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await t.database.handle.db.execute(
      sql`select table_name as name from information_schema.columns
          where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`,
    ),
  );
  const ids: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ id: string }>(
      await t.database.handle.db.execute(sql.raw(`select id from public."${name}" limit 50`)),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
