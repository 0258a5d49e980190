import { jobSchema } from '@board/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../kit/app.ts';
import { errorCode, get } from '../kit/http.ts';
import { as, demoEmails } from '../kit/people.ts';
import { sendMail, type MailOrder } from '../../src/mail/send-mail.ts';
import { signInLinkMail } from '../../src/mail/sign-in-mails.ts';
import { systemContext } from '../../src/services/context.ts';
import { startSmtpSink } from '@board/tests/harness/smtp-sink';

/** The transactional outbox and failed deliveries, in process, through real SMTP to a local sink that refuses one address. */
const refused = 'nobody-here@example.test';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: refused });
  t = await startTestApp({ env: { SMTP_URL: sink.url } });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

/** Any real mail order to one address (a sign-in link's mail, in Japanese). */
function requestSignInLinkMail(to: string): MailOrder<{ displayName: string; link: string }> {
  const vars = { displayName: 'テスト', link: 'https://board.example.jp/signin/link?token=x' };
  return { template: signInLinkMail, to: [{ email: to, language: 'ja' }], vars };
}

async function mailJobsTo(to: string) {
  const rows = await t.database.handle.db.execute(
    sql`select state from ${sql.raw(jobSchema)}.job where name = 'mail' and data->>'to' = ${to}`,
  );
  return (rows as unknown as { state: string }[]).map((r) => r.state);
}

describe('mail is queued in the transaction of the change it announces', () => {
  it('a rolled-back change queues nothing and sends nothing', async () => {
    const ctx = systemContext(t.app);
    const to = 'rolled-back@example.test';
    await expect(
      ctx.door.asSystem('test: a change that fails after its mail was queued', async (tx) => {
        await sendMail(ctx, requestSignInLinkMail(to), tx);
        expect(await mailJobsTo(to)).toEqual([]); // not visible outside the transaction either
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailJobsTo(to)).toEqual([]);
    expect(sink.received.filter((m) => m.to === to)).toEqual([]);
  });

  it('a committed change’s mail is sent through SMTP, once', async () => {
    const ctx = systemContext(t.app);
    const to = 'committed@example.test';
    await ctx.door.asSystem('test: a change with its mail', (tx) => sendMail(ctx, requestSignInLinkMail(to), tx));
    await vi.waitFor(() => expect(sink.received.filter((m) => m.to === to)).toHaveLength(1), { timeout: 10_000 });
    // the worker marks the job completed just after the sink has the mail: wait for that too
    await vi.waitFor(async () => expect(await mailJobsTo(to)).toEqual(['completed']), { timeout: 10_000 });
    expect(sink.received.filter((m) => m.to === to)).toHaveLength(1);
  });
});

describe('listFailedDeliveries', () => {
  beforeAll(async () => {
    // refused by the mail server, with no retry left: each ends `failed` after one real try
    const letters = [
      { municipalityCode: '13121', subject: '足立区の依頼について' },
      { municipalityCode: '13104', subject: '新宿区の依頼について' },
      { municipalityCode: null, subject: 'サインインのリンク' },
    ].map((about) => ({ data: { to: refused, text: '本文', ...about }, retryLimit: 0 }));
    await t.app.jobs.boss.insert('mail', letters);
    await vi.waitFor(async () => expect(await mailJobsTo(refused)).toEqual(['failed', 'failed', 'failed']), {
      timeout: 15_000,
      interval: 100,
    });
  }, 30_000);

  it('staff see their municipality’s, masked, with what the mail server said', async () => {
    const res = await get(t, await as(t, demoEmails.staffAdachi), '/api/staff/failed-deliveries');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toEqual([
      expect.objectContaining({
        municipalityCode: '13121',
        subject: '足立区の依頼について',
        toMasked: 'no…@example.test',
        tries: 1,
      }),
    ]);
    expect(items[0].error).toMatch(/550|mailbox unavailable/);
    expect(JSON.stringify(items)).not.toContain(refused);
  });

  it('the foundation sees all, account mail too; one municipality when asked', async () => {
    const headers = await as(t, demoEmails.foundation);
    const all = (await get(t, headers, '/api/staff/failed-deliveries')).json();
    expect(all.items.map((i: { municipalityCode: string | null }) => i.municipalityCode).sort()).toEqual(
      ['13104', '13121', null].sort(),
    );
    const one = (await get(t, headers, '/api/staff/failed-deliveries?municipalityCode=13104')).json();
    expect(one.items).toHaveLength(1);
  });

  it('staff may not ask for another municipality; volunteers and visitors not at all', async () => {
    const other = await get(
      t,
      await as(t, demoEmails.staffAdachi),
      '/api/staff/failed-deliveries?municipalityCode=13104',
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
    const volunteer = await get(t, await as(t, demoEmails.volunteer1), '/api/staff/failed-deliveries');
    expect(volunteer.statusCode).toBe(403);
    expect((await get(t, {}, '/api/staff/failed-deliveries')).statusCode).toBe(401);
  });

  it('a bad municipality code is a 400 naming the field', async () => {
    const res = await get(t, await as(t, demoEmails.foundation), '/api/staff/failed-deliveries?municipalityCode=x');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('municipalityCode');
  });
});
