import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkReviewOverdue } from '../../src/modules/notifications/review-overdue.ts';
import {
  associationIdOf,
  createPerson,
  createVolunteer,
  demoEmails,
  flagRequest,
  forgetMail,
  insertRequest,
  mailSent,
  mailsTo,
  mailTo,
  officers,
  post,
  put,
  setModeration,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { rowsOf } from './scene.ts';

/**
 * Each new kind is produced by the event that causes it and not otherwise (digests:
 * digests.test.ts).
 */

const t = useApiApp();
const { senju, staffAdachi } = useDemoPeople(t);
const ofRequest = (id: string) => (rows: { requestId: string | null }[]) => rows.filter((r) => r.requestId === id);

describe('staff hear of their queue', () => {
  it('a submitted request tells its municipality’s staff (in-app and mail), not another’s; a saved draft tells nobody', async () => {
    await setModeration(t, '13121', true);
    const draft = await insertRequest(t, { status: 'draft' });
    await put(t, senju, `/api/requests/${draft.id}`, { title: `${draft.title} 改` });
    expect(ofRequest(draft.id)(await rowsOf(t, demoEmails.staffAdachi, 'reviewWaiting'))).toEqual([]);

    const res = await post(t, senju, `/api/requests/${draft.id}/submit`, {});
    expect(res.statusCode).toBe(200);
    expect(ofRequest(draft.id)(await rowsOf(t, demoEmails.staffAdachi, 'reviewWaiting'))).toHaveLength(1);
    expect(ofRequest(draft.id)(await rowsOf(t, demoEmails.staffShinjuku, 'reviewWaiting'))).toEqual([]);
    const mail = await mailTo(t, demoEmails.staffAdachi, /確認待ちの依頼/);
    expect(mail.text).toContain(`/staff/moderation/${draft.id}`);
  });

  it('a flag tells the staff of the flagged request’s municipality', async () => {
    const request = await insertRequest(t, { municipalityCode: '13104' });
    const volunteer = await createVolunteer(t);
    await flagRequest(t, volunteer.headers, request.id, '連絡先が本文に書かれています');
    expect(await rowsOf(t, demoEmails.staffShinjuku, 'flagRaised')).toHaveLength(1);
    expect(await rowsOf(t, demoEmails.staffAdachi, 'flagRaised')).toEqual([]);
  });

  it('a request waiting more than two days tells staff once, whatever the check runs again', async () => {
    const waiting = await insertRequest(t, { status: 'pending_review' });
    const fresh = await insertRequest(t, { status: 'pending_review' });
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ updatedAt: new Date(Date.now() - 3 * 86_400_000) })
      .where(eq(schema.helpRequests.id, waiting.id));
    await checkReviewOverdue(t.app);
    await checkReviewOverdue(t.app);
    const rows = await rowsOf(t, demoEmails.staffAdachi, 'reviewOverdue');
    expect(ofRequest(waiting.id)(rows)).toHaveLength(1);
    expect(ofRequest(fresh.id)(rows)).toEqual([]);
  });
});

describe('volunteers hear of a new request that fits', () => {
  /** Three volunteers of whom only the first should hear: near and agreed, near but not agreed, far. */
  const volunteers = async () => ({
    near: await createVolunteer(t, { profile: { municipalityCodes: ['13121'], suggestable: true } }),
    shy: await createVolunteer(t, { profile: { municipalityCodes: ['13121'], suggestable: false } }),
    far: await createVolunteer(t, { profile: { municipalityCodes: ['13111'], suggestable: true } }),
  });
  /** Only the near volunteer who agreed got a requestFits row for the request. */
  async function onlyNearTold(requestId: string, { near, shy, far }: Awaited<ReturnType<typeof volunteers>>) {
    const fits = async (email: string) => ofRequest(requestId)(await rowsOf(t, email, 'requestFits'));
    expect(await fits(near.email)).toHaveLength(1);
    expect(await fits(shy.email)).toEqual([]);
    expect(await fits(far.email)).toEqual([]);
  }

  it('approval tells suggestable volunteers of the area, not those who did not agree nor those far away', async () => {
    await setModeration(t, '13121', true);
    const people = await volunteers();
    const request = await insertRequest(t, { status: 'pending_review' });
    const res = await post(t, staffAdachi, `/api/requests/${request.id}/approve`, {});
    expect(res.statusCode).toBe(200);
    await onlyNearTold(request.id, people);
    // the default for this kind is the daily digest: no mail at once
    await mailSent(t);
    expect(mailsTo(t, people.near.email)).toEqual([]);
  });

  it('publishing at once where moderation is off tells them too (once), and staff hear of no review', async () => {
    await setModeration(t, '13121', false);
    const people = await volunteers();
    const draft = await insertRequest(t, { status: 'draft' });
    const res = await post(t, senju, `/api/requests/${draft.id}/submit`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published' });
    await onlyNearTold(draft.id, people);
    expect(ofRequest(draft.id)(await rowsOf(t, demoEmails.staffAdachi, 'reviewWaiting'))).toEqual([]);
  });
});

describe('people without an address', () => {
  it('still get their in-app notification; nobody is mailed in their place', async () => {
    await setModeration(t, '13121', true);
    const senjuId = await associationIdOf(t, '千住一丁目町会');
    const quiet = await createPerson(t, {
      roles: [{ role: 'officer', municipalityCode: '13121', associationId: senjuId }],
    });
    const db = t.database.handle.db;
    await db.update(schema.users).set({ email: null, notificationEmail: null }).where(eq(schema.users.id, quiet.id));
    const request = await insertRequest(t, { status: 'pending_review' });
    forgetMail(t);
    expect((await post(t, staffAdachi, `/api/requests/${request.id}/approve`, {})).statusCode).toBe(200);
    const rows = await db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientId, quiet.id), eq(schema.notifications.kind, 'moderationResult')));
    expect(ofRequest(request.id)(rows)).toHaveLength(1);
    await mailSent(t);
    expect(mailsTo(t, quiet.email)).toEqual([]);
    // the officers with an address are told as before
    expect(ofRequest(request.id)(await rowsOf(t, officers.senju, 'moderationResult'))).toHaveLength(1);
  });
});
