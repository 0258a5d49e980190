import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sendDigests } from '../../src/modules/notifications/digests.ts';
import { checkReviewOverdue } from '../../src/modules/notifications/review-overdue.ts';
import {
  applied,
  createVolunteer,
  demoEmails,
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
  userIdOf,
} from '../kit/index.ts';
import { rowsOf } from './scene.ts';

/**
 * Each new kind is produced by the event that causes it and not otherwise; digests group a
 * person's waiting news of a kind into one mail and never repeat within a period.
 */

const t = useApiApp();
const { senju, umeda, staffAdachi } = useDemoPeople(t);
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
    const res = await post(t, volunteer.headers, '/api/flags', {
      targetType: 'request',
      targetId: request.id,
      reason: '連絡先が本文に書かれています',
    });
    expect(res.statusCode).toBe(201);
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
  it('approval tells suggestable volunteers of the area, not those who did not agree nor those far away', async () => {
    await setModeration(t, '13121', true);
    const near = await createVolunteer(t, { profile: { municipalityCodes: ['13121'], suggestable: true } });
    const shy = await createVolunteer(t, { profile: { municipalityCodes: ['13121'], suggestable: false } });
    const far = await createVolunteer(t, { profile: { municipalityCodes: ['13111'], suggestable: true } });
    const request = await insertRequest(t, { status: 'pending_review' });
    const res = await post(t, staffAdachi, `/api/requests/${request.id}/approve`, {});
    expect(res.statusCode).toBe(200);
    const fits = async (email: string) => ofRequest(request.id)(await rowsOf(t, email, 'requestFits'));
    expect(await fits(near.email)).toHaveLength(1);
    expect(await fits(shy.email)).toEqual([]);
    expect(await fits(far.email)).toEqual([]);
    // the default for this kind is the daily digest: no mail at once
    await mailSent(t);
    expect(mailsTo(t, near.email)).toEqual([]);
  });
});

describe('digests', () => {
  it('group a day’s news of a kind into one mail, and never send a second one in the period', async () => {
    await put(t, umeda, '/api/me/notification-preferences', { preferences: [{ kind: 'handRaised', mode: 'daily' }] });
    const first = await insertRequest(t, { association: 'umeda' });
    const second = await insertRequest(t, { association: 'umeda' });
    forgetMail(t);
    await applied(t, (await createVolunteer(t)).headers, first.id);
    await applied(t, (await createVolunteer(t)).headers, second.id);
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toEqual([]);

    const morning = new Date(Date.now() + 60_000);
    expect(await sendDigests(t.app, 'daily', morning)).toBeGreaterThanOrEqual(1);
    await mailSent(t);
    const digests = mailsTo(t, officers.umeda);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain(first.title);
    expect(digests[0]!.text).toContain(second.title);
    expect(digests[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // more news the same day waits; a rerun of the period sends nothing
    await applied(t, (await createVolunteer(t)).headers, (await insertRequest(t, { association: 'umeda' })).id);
    await sendDigests(t.app, 'daily', new Date(morning.getTime() + 120_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(1);
    // the next day's digest takes it
    await sendDigests(t.app, 'daily', new Date(morning.getTime() + 86_400_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(2);
    const umedaId = await userIdOf(t, officers.umeda);
    const sent = await t.database.handle.db
      .select()
      .from(schema.notificationDigests)
      .where(eq(schema.notificationDigests.userId, umedaId));
    expect(sent).toHaveLength(2);
  });
});
