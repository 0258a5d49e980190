import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, bearer, demoEmails, freshEmail, get, rowCounts, useApiApp, userIdOf } from '../kit/index.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

const t = useApiApp();

/** `pnpm admin:create-foundation-staff …` is `node scripts/admin/create-foundation-staff.ts …`: run that, against this file's database. */
async function command(...args: string[]) {
  const env = { PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url, PUBLIC_ORIGIN: 'https://board.example.jp' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/admin/create-foundation-staff.ts', ...args], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function foundationRoles(userId: string) {
  return t.database.handle.db
    .select()
    .from(schema.roleAssignments)
    .where(and(eq(schema.roleAssignments.userId, userId), eq(schema.roleAssignments.role, 'foundation_staff')));
}

describe('pnpm admin:create-foundation-staff', () => {
  it('is the root package script', async () => {
    const { default: pkg } = await import('../../../package.json', { with: { type: 'json' } });
    expect(pkg.scripts['admin:create-foundation-staff']).toBe('node scripts/admin/create-foundation-staff.ts');
  });

  it('creates a missing account without a password, grants the role, audits it, prints no secret; again changes nothing', async () => {
    const email = freshEmail('zaidan');
    const first = await command('--email', email.toUpperCase(), '--name', '財団 新人');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`created the account ${email}`);
    expect(first.stdout).toContain('granted the foundation staff role');
    expect(first.stdout).toContain('https://board.example.jp/signin');
    expect(first.stdout).not.toMatch(/token=|password:|[A-Za-z0-9_-]{40,}/);

    const [user] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, email));
    expect(user).toMatchObject({ displayName: '財団 新人', passwordHash: null });
    expect(user!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await foundationRoles(user!.id)).toHaveLength(1);
    const grants = (await auditEntries(t, 'role.grant')).filter((e) => e.subjectId === user!.id);
    expect(grants).toEqual([
      expect.objectContaining({
        actorId: null,
        municipalityCode: null,
        details: expect.objectContaining({ role: 'foundation_staff' }),
      }),
    ]);

    // the new foundation staff member can work at once (e.g. list every municipality's invitations)
    const res = await get(t, await bearer(t, user!.id), '/api/invitations');
    expect(res.statusCode).toBe(200);

    const before = await rowCounts(t);
    const second = await command('--email', email);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('already exists');
    expect(second.stdout).toContain('nothing changed');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('adds the role to an existing account, keeping its other roles and password', async () => {
    const userId = await userIdOf(t, demoEmails.volunteer1);
    const result = await command('--email', demoEmails.volunteer1);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('already exists');
    expect(result.stdout).toContain('granted');
    expect(result.stdout).not.toContain('/signin');
    const roles = await t.database.handle.db
      .select()
      .from(schema.roleAssignments)
      .where(eq(schema.roleAssignments.userId, userId));
    expect(roles.map((r) => r.role).sort()).toEqual(['foundation_staff', 'volunteer']);
    const [user] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.id, userId));
    expect(user!.passwordHash).not.toBeNull();
  });

  it('refuses bad arguments with exit status 2, touching nothing', async () => {
    const before = await rowCounts(t);
    for (const args of [[], ['--email', 'not-an-email'], ['--email', freshEmail(), '--unknown']]) {
      const result = await command(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: pnpm admin:create-foundation-staff');
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});
