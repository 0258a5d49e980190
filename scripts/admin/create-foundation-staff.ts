/**
 * Operator command: make someone foundation staff (財団職員). Never possible through the web.
 *
 *   pnpm admin:create-foundation-staff --email someone@example.jp [--name "財団 太郎"]
 *
 * Uses DATABASE_URL (else the embedded database in PGLITE_DATA_DIR), migrates first, then creates
 * the account if it is missing (email verified, no password) and grants the role; the grant is
 * audit-logged (`role.grant`). Running it again changes nothing. Prints no secret: the person
 * sets a password with "forgot password" on the sign-in page, or signs in with an emailed link.
 * Exit status: 0 done, 1 failed, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { createDatabase, migrateDatabase } from '@board/db';
import { databaseDoor } from '@board/server/database/door';
import { ensureFoundationStaff, FoundationStaffInput } from '@board/server/modules/invitations/foundation-staff';

const usage = 'usage: pnpm admin:create-foundation-staff --email someone@example.jp [--name "表示名"]';

function parse() {
  try {
    const { values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) return 'help' as const;
    const input = FoundationStaffInput.safeParse({ email: values.email ?? '', displayName: values.name });
    if (!input.success) {
      return {
        error: input.error.issues.map((i) =>
          i.path[0] === 'email' ? '--email: a valid email address is required' : '--name: 1 to 60 characters',
        ),
      };
    }
    return input.data;
  } catch (err) {
    return { error: [(err as Error).message] };
  }
}

/** the operator runs this by hand and reads what it prints: the door's debug lines would only be noise */
const silent = { debug: () => undefined };

const input = parse();
if (input === 'help') {
  console.log(usage);
} else if ('error' in input) {
  console.error([...input.error, usage].join('\n'));
  process.exitCode = 2;
} else {
  const handle = createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR });
  try {
    await migrateDatabase(handle);
    const outcome = await ensureFoundationStaff(databaseDoor(handle.db, silent), input);
    console.log(
      outcome.accountCreated
        ? `created the account ${input.email} (email verified, no password yet)`
        : `the account ${input.email} already exists`,
    );
    console.log(
      outcome.roleGranted
        ? 'granted the foundation staff role (audit-logged as role.grant)'
        : 'already foundation staff: nothing changed',
    );
    if (outcome.accountCreated) {
      const origin = (process.env.PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
      console.log(
        `Next: ask them to open ${origin}/signin and use "forgot password" (or a sign-in link) with this email to set a password.`,
      );
    }
  } catch (err) {
    console.error(`failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
