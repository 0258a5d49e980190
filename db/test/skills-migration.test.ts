import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabase, migrateDatabase, migrationsFolder, type DatabaseHandle } from '@board/db';
import { mapSkillTags, skillTagForm } from '@board/shared';
import { databaseUrl } from '@board/tests/harness/template';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { skillTagFormSql } from '../src/skill-spellings-sql.ts';
import { seedMunicipalities } from '../src/seed/seed.ts';

/**
 * Issue 10's migrations on a database that holds rows written before them: request skill tags
 * become vocabulary skill keys where a spelling matches and stay free tags where none does;
 * profile category keys are kept (renamed to interest_categories). On both engines.
 */

/** The migrations folder as it was before issue 10 (journal cut after 0014). */
function foldersBeforeSkills(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag.startsWith('0014_'));
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function migrateWith(handle: DatabaseHandle, folder: string) {
  if (handle.engine === 'postgres') {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  }
}

const engines = [
  {
    name: 'PostgreSQL',
    async open() {
      const adminUrl = inject('pgAdminUrl');
      const name = `skills_${randomBytes(6).toString('hex')}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const handle = createDatabase({ url: databaseUrl(adminUrl, name), maxConnections: 2 });
      return {
        handle,
        async dispose() {
          await handle.close();
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    },
  },
  {
    name: 'PGlite',
    async open() {
      const handle = createDatabase({ dataDir: 'memory://' });
      return { handle, dispose: () => handle.close() };
    },
  },
];

/** `{"a","b"}`: an array literal, the same on both drivers */
const textArrayLiteral = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const oldRequests: Record<string, string[]> = {
  'a0000000-0000-4000-8000-000000000001': ['Canva', 'チラシ作り', '盆踊りの太鼓'],
  'a0000000-0000-4000-8000-000000000002': ['ｴｸｾﾙ', 'EXCEL', '会計'],
  'a0000000-0000-4000-8000-000000000003': ['町内の歴史に詳しい方', 'しゃしん'],
  'a0000000-0000-4000-8000-000000000004': [],
};

describe.each(engines)('issue 10 migrations on old rows ($name)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.open());
    const before = foldersBeforeSkills();
    try {
      await migrateWith(handle, before.dir);
    } finally {
      before.cleanup();
    }
    await seedMunicipalities(handle.db);
    await handle.db.execute(sql`
      insert into users (id, email, display_name) values
        ('b0000000-0000-4000-8000-000000000001', 'old-volunteer@example.test', '昔の腕きき')`);
    await handle.db.execute(sql`
      insert into volunteer_profiles (user_id, skills, availability) values
        ('b0000000-0000-4000-8000-000000000001', '{design_flyers,photo_video}', '土日の午前')`);
    await handle.db.execute(sql`
      insert into associations (id, municipality_code, name) values
        ('c0000000-0000-4000-8000-000000000001', '13121', '旧町会')`);
    for (const [id, skills] of Object.entries(oldRequests)) {
      await handle.db.execute(sql`
        insert into help_requests (id, municipality_code, association_id, title, body, category, skills)
        values (${id}, '13121', 'c0000000-0000-4000-8000-000000000001', '依頼', '本文', 'other', ${textArrayLiteral(skills)}::text[])`);
    }
    await migrateDatabase(handle);
  }, 120_000);
  afterAll(() => dispose());

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await handle.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  }

  it('maps request tags the vocabulary knows and keeps the rest as free tags, as the TypeScript mapping does', async () => {
    const found = await rows<{ id: string; skills: string[]; skill_keys: string[] }>(
      sql`select id, skills, skill_keys from help_requests order by id`,
    );
    const byId = Object.fromEntries(found.map((r) => [r.id, { free: r.skills, skillKeys: [...r.skill_keys].sort() }]));
    expect(byId).toEqual({
      'a0000000-0000-4000-8000-000000000001': { skillKeys: ['flyer_design'], free: ['盆踊りの太鼓'] },
      'a0000000-0000-4000-8000-000000000002': { skillKeys: ['accounting', 'spreadsheets'], free: [] },
      'a0000000-0000-4000-8000-000000000003': { skillKeys: ['photography'], free: ['町内の歴史に詳しい方'] },
      'a0000000-0000-4000-8000-000000000004': { skillKeys: [], free: [] },
    });
    for (const [id, tags] of Object.entries(oldRequests)) {
      const mapped = mapSkillTags(tags);
      expect({ free: mapped.free, skillKeys: [...mapped.skillKeys].sort() }).toEqual(byId[id]);
    }
  });

  it('keeps the profile category keys as interest categories; new fields start empty, not suggestable', async () => {
    const [row] = await rows<Record<string, unknown>>(
      sql`select interest_categories, availability, availability_slots, hours_per_month, suggestable from volunteer_profiles`,
    );
    expect(row).toEqual({
      interest_categories: ['design_flyers', 'photo_video'],
      availability: '土日の午前',
      availability_slots: [],
      hours_per_month: null,
      suggestable: false,
    });
  });

  it('the board view lists the skill keys', async () => {
    await handle.db.execute(
      sql`update help_requests set status = 'published' where id = 'a0000000-0000-4000-8000-000000000002'`,
    );
    const [row] = await rows<{ skill_keys: string[] }>(sql`select skill_keys from board_requests`);
    expect([...row!.skill_keys].sort()).toEqual(['accounting', 'spreadsheets']);
  });

  it('folds a tag in SQL exactly as skillTagForm does', async () => {
    const samples = [
      'Ｃａｎｖａ',
      'ｴｸｾﾙ',
      'Wi-Fi',
      'LINE 公式・アカウント',
      '「写真」、撮影。',
      'Tiếng Việt',
      'ヴァイオリン',
      'ABC（あ）',
    ];
    for (const sample of samples) {
      const [row] = await rows<{ form: string }>(
        sql`select ${sql.raw(skillTagFormSql('x'))} as form from (select ${sample}::text as x) s`,
      );
      expect(row!.form, sample).toBe(skillTagForm(sample));
    }
  });
});
