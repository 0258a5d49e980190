import { schema } from '@board/db';
import { buildApp } from '@board/server';
import { loadConfig } from '@board/server/config';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueRequests } from '../../src/modules/help-requests/expiry.ts';
import { useApiApp } from '../kit/app.ts';
import { mailSent } from '../kit/mail.ts';
import { associationIdOf, createPerson, demoEmails } from '../kit/people.ts';
import { insertRequest, requestRow } from '../kit/requests.ts';
import { auditEntries } from '../kit/rows.ts';

const t = useApiApp();
let englishOfficer: { id: string; email: string };
beforeAll(async () => {
  englishOfficer = await createPerson(t, {
    roles: [{ role: 'officer', municipalityCode: '13121', associationId: await associationIdOf(t, '千住一丁目町会') }],
  });
  await t.database.handle.db.update(schema.users).set({ language: 'en' }).where(eq(schema.users.id, englishOfficer.id));
});

const past = () => new Date(Date.now() - 60_000);
const future = () => new Date(Date.now() + 86_400_000);

describe('expireOverdueRequests', () => {
  it('expires published requests past their deadline with open slots, and nothing else', async () => {
    const overdue = (
      await insertRequest(t, {
        title: '期限切れ',
        applicationDeadline: past(),
        slots: 3,
        matchedCount: 1,
      })
    ).id;
    const untouched = {
      notYet: (await insertRequest(t, { applicationDeadline: future() })).id,
      noDeadline: (await insertRequest(t, { applicationDeadline: null })).id,
      full: (await insertRequest(t, { applicationDeadline: past(), slots: 2, matchedCount: 2 })).id,
      filled: (await insertRequest(t, { status: 'filled', applicationDeadline: past() })).id,
      inReview: (await insertRequest(t, { status: 'pending_review', applicationDeadline: past() })).id,
      draft: (await insertRequest(t, { status: 'draft', applicationDeadline: past() })).id,
    };
    const before = Object.fromEntries(
      await Promise.all(Object.entries(untouched).map(async ([k, id]) => [k, await requestRow(t, id)] as const)),
    );

    const count = await expireOverdueRequests(t.app);
    await mailSent(t);
    expect(count).toBeGreaterThanOrEqual(1);
    expect((await requestRow(t, overdue)).status).toBe('expired');
    for (const [k, id] of Object.entries(untouched)) expect(await requestRow(t, id), k).toEqual(before[k]);

    const audit = (await auditEntries(t, 'request.expire')).filter((e) => e.subjectId === overdue);
    expect(audit).toEqual([expect.objectContaining({ actorId: null, municipalityCode: '13121' })]);

    const ja = t.mail.find((m) => m.to === demoEmails.officerSenju && m.subject.includes('期限切れ'))!;
    expect(ja.subject).toContain('締め切りを過ぎました');
    expect(ja.text).toContain('「似た依頼を作る」');
    expect(ja.text).toContain(`/association/requests/${overdue}\n`);
    const en = t.mail.find((m) => m.to === englishOfficer.email && m.subject.includes('期限切れ'))!;
    expect(en.subject).toContain('has expired');
    expect(en.text).toContain('“Post a similar one”');
  });

  it('run again, changes nothing and tells nobody twice', async () => {
    await expireOverdueRequests(t.app);
    await mailSent(t);
    const mails = t.mail.length;
    const audit = (await auditEntries(t, 'request.expire')).length;
    expect(await expireOverdueRequests(t.app)).toBe(0);
    await mailSent(t);
    expect(t.mail.length).toBe(mails);
    expect((await auditEntries(t, 'request.expire')).length).toBe(audit);
  });

  it('several runs at once (as several server instances would) expire each request exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await insertRequest(t, { title: `同時 ${i}`, applicationDeadline: past() })).id);
    const counts = await Promise.all(Array.from({ length: 5 }, () => expireOverdueRequests(t.app)));
    await mailSent(t);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
    for (const id of ids) expect((await requestRow(t, id)).status).toBe('expired');
    const audit = (await auditEntries(t, 'request.expire')).filter((e) => ids.includes(e.subjectId!));
    expect(audit).toHaveLength(ids.length);
    const mails = t.mail.filter((m) => m.to === demoEmails.officerSenju && m.subject.includes('同時'));
    expect(mails).toHaveLength(ids.length);
  });

  it('is scheduled by the app outside tests (a run at start, then every 5 minutes)', async () => {
    const id = (await insertRequest(t, { applicationDeadline: past() })).id;
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.database.url,
      SERVE_WEB: '0',
    });
    const app = await buildApp(config, { database: t.database.handle });
    try {
      await app.ready();
      for (let i = 0; i < 50 && (await requestRow(t, id)).status !== 'expired'; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await requestRow(t, id)).status).toBe('expired');
    } finally {
      await app.close();
    }
    // the test app itself schedules nothing
    const later = (await insertRequest(t, { applicationDeadline: past() })).id;
    await new Promise((r) => setTimeout(r, 200));
    expect((await requestRow(t, later)).status).toBe('published');
  });
});
