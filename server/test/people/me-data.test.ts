import { schema } from '@board/db';
import { AuditLogPage, ErrorBody, MyDataExport } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newToken } from '../../src/modules/accounts/secrets.ts';
import { useApiApp } from '../kit/app.ts';
import { answer, del, get, post } from '../kit/http.ts';
import { as, associationIdOf, bearer, createPerson, demoEmails, userIdOf } from '../kit/people.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';
const t = useApiApp();

/** Deletes one's own account through the API, as the /me page does. */
const deleteMe = (headers: Record<string, string>, payload: object) => del(t, headers, '/api/me', payload);

describe('exportMyData', () => {
  it('is 401 without a session', async () => {
    expect((await post(t, {}, '/api/me/export')).statusCode).toBe(401);
  });

  it('downloads everything about the person as a JSON file, and logs the export', async () => {
    const userId = await userIdOf(t, demoEmails.officerSenju);
    const res = await post(t, await bearer(t, userId), '/api/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="machi-udekiki-my-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    const data = MyDataExport.parse(res.json());
    expect(data.account).toMatchObject({ id: userId, email: demoEmails.officerSenju, hasPassword: true });
    expect(data.roles).toEqual([expect.objectContaining({ role: 'officer', associationName: '千住一丁目町会' })]);
    expect(data.helpRequests.map((r) => r.title).sort()).toEqual(
      ['夏祭りのチラシを作ってください', '町会のLINEグループを作りたい'].sort(),
    );
    expect(res.body).not.toContain('argon2'); // never the password hash

    const logged = await auditEntries(t, 'me.export');
    expect(logged.filter((e) => e.actorId === userId)).toHaveLength(1);

    // a second export lists the first one among the person's own audit entries
    const second = MyDataExport.parse((await post(t, await bearer(t, userId), '/api/me/export')).json());
    expect(second.auditEntries.map((e) => e.action)).toContain('me.export');
  });
});

describe('deleteMe', () => {
  it('needs the password of an account that has one', async () => {
    const person = await createPerson(t, {
      password: 'correct horse battery',
      roles: [{ role: 'volunteer', municipalityCode: null, associationId: null }],
    });
    const headers = await bearer(t, person.id);
    const before = await rowCounts(t);

    const missing = await deleteMe(headers, {});
    expect(answer(missing, 400, ErrorBody).error.fields).toEqual([{ field: 'password', code: 'PASSWORD_REQUIRED' }]);

    const confirmOnly = await deleteMe(headers, { confirm: 'DELETE' });
    expect(confirmOnly.statusCode).toBe(400);

    const wrong = await deleteMe(headers, { password: 'not the password' });
    expect(answer(wrong, 403, ErrorBody).error.code).toBe('PASSWORD_INCORRECT');
    expect(await rowCounts(t)).toEqual(before);

    const ok = await deleteMe(headers, { password: 'correct horse battery' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'deleted' });
  });

  it('needs confirm "DELETE" from an account without a password', async () => {
    const person = await createPerson(t, {
      password: null,
      roles: [{ role: 'foundation_staff', municipalityCode: null, associationId: null }],
    });
    const headers = await bearer(t, person.id);
    const missing = await deleteMe(headers, {});
    expect(answer(missing, 400, ErrorBody).error.fields).toEqual([{ field: 'confirm', code: 'CONFIRM_REQUIRED' }]);
    const ok = await deleteMe(headers, { confirm: 'DELETE' });
    expect(ok.statusCode).toBe(200);
  });

  it('anonymises the account, removes hats, profile and tokens, and keeps the history readable', async () => {
    const db = t.database.handle.db;
    const senju = await associationIdOf(t, '千住一丁目町会');
    const person = await createPerson(t, {
      password: 'leaving the board 2026',
      displayName: '千住 去る人',
      roles: [
        { role: 'officer', municipalityCode: '13121', associationId: senju },
        { role: 'volunteer', municipalityCode: null, associationId: null },
      ],
    });
    await db
      .update(schema.users)
      .set({ phone: '03-1111-2222', notificationEmail: 'other@example.jp' })
      .where(eq(schema.users.id, person.id));
    await db.insert(schema.volunteerProfiles).values({ userId: person.id, bio: '去ります' });
    const refresh = newToken();
    await db.insert(schema.refreshTokens).values({
      userId: person.id,
      familyId: crypto.randomUUID(),
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [request] = await db
      .insert(schema.helpRequests)
      .values({
        municipalityCode: '13121',
        associationId: senju,
        createdBy: person.id,
        title: '去る人の依頼',
        body: '本文',
        category: 'other',
      })
      .returning({ id: schema.helpRequests.id });

    const headers = await bearer(t, person.id);
    // news, mail choices and a calendar feed of theirs
    await db
      .insert(schema.notifications)
      .values({ recipientId: person.id, kind: 'handRaised', link: '/x', mailMode: 'daily' });
    await db.insert(schema.notificationPreferences).values({ userId: person.id, kind: 'handRaised', mode: 'off' });
    await db.insert(schema.calendarFeeds).values({ userId: person.id, tokenHash: newToken().hash });
    const res = await deleteMe(headers, { password: 'leaving the board 2026' });
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies.filter((c) => c.name === 'board_access' || c.name === 'board_refresh');
    expect(cookies).toHaveLength(2);
    expect(cookies.every((c) => c.value === '')).toBe(true);

    const [user] = await db.select().from(schema.users).where(eq(schema.users.id, person.id));
    expect(user).toMatchObject({
      displayName: '退会したユーザー',
      email: null,
      emailVerifiedAt: null,
      passwordHash: null,
      notificationEmail: null,
      phone: null,
    });
    expect(user!.deletedAt).toBeInstanceOf(Date);
    expect(await db.select().from(schema.roleAssignments).where(eq(schema.roleAssignments.userId, person.id))).toEqual(
      [],
    );
    expect(
      await db.select().from(schema.volunteerProfiles).where(eq(schema.volunteerProfiles.userId, person.id)),
    ).toEqual([]);
    for (const [table, column] of [
      [schema.notifications, schema.notifications.recipientId],
      [schema.notificationPreferences, schema.notificationPreferences.userId],
      [schema.calendarFeeds, schema.calendarFeeds.userId],
    ] as const) {
      expect(await db.select().from(table).where(eq(column, person.id))).toEqual([]);
    }
    const tokens = await db.select().from(schema.refreshTokens).where(eq(schema.refreshTokens.userId, person.id));
    expect(tokens.every((r) => r.revokedAt !== null)).toBe(true);

    // the access token they still hold no longer opens anything
    expect((await get(t, headers, '/api/me')).statusCode).toBe(401);

    // their request stays, pointing at the anonymised account
    const [kept] = await db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, request!.id));
    expect(kept!.createdBy).toBe(person.id);

    // audit: me.delete (no municipality) and role.remove in 13121, readable by 足立区 staff under the anonymous name
    const deletions = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, person.id), eq(schema.auditLog.action, 'me.delete')));
    expect(deletions).toHaveLength(1);
    const log = AuditLogPage.parse((await get(t, await as(t, demoEmails.staffAdachi), '/api/audit-log')).json());
    const removal = log.items.find((e) => e.action === 'role.remove' && e.subjectId === person.id);
    expect(removal).toMatchObject({
      actorName: '退会したユーザー',
      municipalityCode: '13121',
      details: { role: 'officer', associationId: senju, reason: 'account_deleted' },
    });
    expect(JSON.stringify(log)).not.toContain('千住 去る人');
  });
});
