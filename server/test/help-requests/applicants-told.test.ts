import { schema } from '@board/db';
import type { Language } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueRequests } from '../../src/modules/help-requests/expiry.ts';
import {
  as,
  associationIdOf,
  createPerson,
  demoEmails,
  insertRequest,
  mailSent,
  post,
  requestRow,
  useApiApp,
} from '../kit/index.ts';

/** Volunteers who raised a hand hear, in their language, when the request ends without them. */

const t = useApiApp();
let senju: string;
beforeAll(async () => {
  senju = await associationIdOf(t, '千住一丁目町会');
});

type HandState = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A published request with one volunteer per hand state (each in the given language). */
async function requestWithHands(title: string, languages: Partial<Record<HandState, Language>>, deadline?: Date) {
  const id = (await insertRequest(t, { title, slots: 3, matchedCount: 1, applicationDeadline: deadline ?? null })).id;
  const people = {} as Record<HandState, string>;
  for (const state of ['pending', 'accepted', 'declined', 'withdrawn'] as const) {
    const person = await createPerson(t);
    await t.database.handle.db
      .update(schema.users)
      .set({ language: languages[state] ?? 'ja' })
      .where(eq(schema.users.id, person.id));
    await t.database.handle.db.insert(schema.applications).values({
      requestId: id,
      volunteerId: person.id,
      municipalityCode: '13121',
      associationId: senju,
      message: 'お手伝いできます',
      status: state,
    });
    people[state] = person.email;
  }
  return { id, people };
}

const mailsTo = (email: string) => t.mail.filter((m) => m.to === email);

describe('applicants are told when a request ends', () => {
  it('withdrawn by its officer: waiting and matched volunteers, each in their language; nobody else', async () => {
    const { id, people } = await requestWithHands('取り下げる行事', { pending: 'en', accepted: 'ja-easy' });
    const res = await post(t, await as(t, demoEmails.officerSenju), `/api/requests/${id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect((await requestRow(t, id)).status).toBe('withdrawn');

    const [en] = mailsTo(people.pending);
    expect(en?.subject).toContain('“取り下げる行事”, has ended');
    expect(en?.text).toContain('the association withdrew it');
    expect(en?.text).toContain(`/requests/${id}`);
    const [easy] = mailsTo(people.accepted);
    expect(easy?.subject).toContain('「取り下げる行事」の ぼしゅうは おわりました');
    expect(easy?.text).toContain('とりさげました');
    expect(mailsTo(people.declined)).toHaveLength(0);
    expect(mailsTo(people.withdrawn)).toHaveLength(0);
  });

  it('closed by staff: the same, in Japanese, with who closed it', async () => {
    const { id, people } = await requestWithHands('中止になった清掃', {});
    const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${id}/close`, {
      reason: '雨天のため中止',
    });
    expect(res.statusCode).toBe(200);
    for (const email of [people.pending, people.accepted]) {
      const [mail] = mailsTo(email);
      expect(mail?.subject).toContain('手を挙げた依頼「中止になった清掃」は募集を終えました');
      expect(mail?.text).toContain('担当者が募集を終えました');
      // the staff's reason is for the association, not for volunteers
      expect(mail?.text).not.toContain('雨天のため中止');
    }
    expect(mailsTo(people.declined)).toHaveLength(0);
  });

  it('expired: only the hands still waiting; a match made before the deadline stands', async () => {
    const { id, people } = await requestWithHands('締め切りを過ぎた依頼', {}, new Date(Date.now() - 60_000));
    expect(await expireOverdueRequests(t.app)).toBeGreaterThanOrEqual(1);
    expect((await requestRow(t, id)).status).toBe('expired');
    await mailSent(t);
    expect(mailsTo(people.pending)[0]?.text).toContain('締め切りを過ぎました');
    expect(mailsTo(people.accepted)).toHaveLength(0);
    expect(mailsTo(people.declined)).toHaveLength(0);
  });

  it('a refused withdrawal tells nobody', async () => {
    const { id, people } = await requestWithHands('他の町会からは取り下げられない', {});
    const res = await post(t, await as(t, demoEmails.officerUmeda), `/api/requests/${id}/withdraw`);
    expect(res.statusCode).toBe(403);
    expect((await requestRow(t, id)).status).toBe('published');
    expect(mailsTo(people.pending)).toHaveLength(0);
  });
});
