import { schema } from '@board/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/services/context.ts';
import { hashPassword } from '../../src/modules/accounts/secrets.ts';
import { demoEmails, get, post, useApiApp } from '../kit/index.ts';

/**
 * The app's real logger, writing into memory: one-time tokens in page URLs, API query strings and
 * bodies, and the parameters of a failed SQL statement (a password hash) never reach a log line.
 */

const lines: string[] = [];
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword('a-password-nobody-should-read');
});
const t = useApiApp({
  env: { LOG_LEVEL: 'trace' },
  logStream: { write: (line) => void lines.push(line) },
  routes: (app) => {
    // a statement that fails with a password hash among its parameters (the address is taken)
    app.get('/api/test/failing-sql', async () => {
      await systemContext(app).door.asSystem('test: an insert that fails', (tx) =>
        tx.insert(schema.users).values({ email: demoEmails.volunteer1, passwordHash, displayName: '重複' }),
      );
      return { ok: true };
    });
  },
});

const secret = (name: string) => `${name}-Zq9xVt3LmW7pKs2R`;

describe('secrets never reach the logs', () => {
  it('blanks tokens in page URLs, API query strings and bodies, and the parameters of failed SQL', async () => {
    const pages = ['/reset-password', '/signin/link', '/verify-email', '/invitations/accept'];
    for (const page of pages) {
      await get(t, {}, `${page}?token=${secret(page.slice(1))}&lang=en`);
    }
    const preview = await get(t, {}, `/api/invitations/preview?token=${secret('preview')}`);
    expect(preview.statusCode).toBeGreaterThanOrEqual(400);
    const confirm = await post(t, {}, '/api/auth/password-reset/confirm', {
      token: secret('confirm'),
      password: secret('new-password'),
    });
    expect(confirm.statusCode).toBeGreaterThanOrEqual(400);
    const failing = await get(t, {}, '/api/test/failing-sql');
    expect(failing.statusCode).toBe(500);

    const log = lines.join('');
    // the requests were logged (so the absence below means something)…
    expect(log).toContain('"url":"/reset-password?token=[redacted]&lang=en"');
    expect(log).toContain('"url":"/api/invitations/preview?token=[redacted]"');
    // …and so was the failed statement, with its SQL and constraint but not its values
    const sqlError = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(sqlError?.err?.message).toContain('insert into "users"');
    expect(sqlError?.err?.message).toContain('params: [redacted]');
    expect(JSON.stringify(sqlError)).toContain('23505');
    expect(sqlError?.err).not.toHaveProperty('params');
    expect(sqlError?.err?.cause).not.toHaveProperty('parameters');

    for (const name of [...pages.map((p) => p.slice(1)), 'preview', 'confirm', 'new-password']) {
      expect(log).not.toContain(secret(name));
    }
    expect(log).not.toContain(passwordHash);
    expect(log).not.toContain(passwordHash.slice(-20));
  });
});
