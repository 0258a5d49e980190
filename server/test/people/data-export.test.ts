import { MyDataExport } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  as,
  createVolunteer,
  demoEmails,
  flagRequest,
  get,
  insertRequest,
  matched,
  post,
  put,
  useApiApp,
} from '../kit/index.ts';

/**
 * The personal-data export (POST /api/me/export, APPI disclosure) of a volunteer who did
 * everything: applied, was matched, wrote messages, finished, thanked and was thanked and rated,
 * reported something, had their contact shown to the association. Everything held about them is
 * in the one JSON file; nothing of another person's own activity is.
 */

const t = useApiApp();

describe('exportMyData for a person who did everything', () => {
  it('holds their applications, messages, thanks, ratings, flags, sessions and audit entries', async () => {
    const volunteer = await createVolunteer(t, {
      phone: '090-1111-2222',
      profile: { interestCategories: ['photo_video'] },
    });
    const other = await createVolunteer(t);
    const officer = await as(t, demoEmails.officerSenju);
    const request = await insertRequest(t, { slots: 2, title: '夏祭りの写真撮影' });
    const elsewhere = await insertRequest(t, { title: '通報された依頼' });

    const id = await matched(t, volunteer, request.id, demoEmails.officerSenju);
    const otherId = await matched(t, other, request.id, demoEmails.officerSenju);
    // the association reads the applicants: the volunteer's contact is shown (contact.reveal)
    expect((await get(t, officer, `/api/requests/${request.id}/applications`)).statusCode).toBe(200);
    expect(
      (await post(t, volunteer.headers, `/api/applications/${id}/messages`, { body: '当日は何時に伺えばよいですか' }))
        .statusCode,
    ).toBe(201);
    expect((await post(t, officer, `/api/applications/${id}/messages`, { body: '9時にお願いします' })).statusCode).toBe(
      201,
    );
    expect(
      (await post(t, other.headers, `/api/applications/${otherId}/messages`, { body: '別の人の発言' })).statusCode,
    ).toBe(201);
    expect((await post(t, officer, `/api/applications/${id}/complete`)).statusCode).toBe(200);
    expect((await post(t, volunteer.headers, `/api/applications/${id}/confirm`)).statusCode).toBe(200);
    const toVolunteer = await post(t, officer, `/api/applications/${id}/thanks`, {
      note: '素敵な写真をありがとう',
      rating: { score: 5, comment: '時間どおりで丁寧' },
    });
    expect(toVolunteer.statusCode).toBe(201);
    const fromVolunteer = await post(t, volunteer.headers, `/api/applications/${id}/thanks`, {
      note: '楽しかったです',
      rating: { score: 4, comment: '集合場所が分かりにくかった' },
    });
    expect(fromVolunteer.statusCode).toBe(201);
    await flagRequest(t, volunteer.headers, elsewhere.id, '電話番号が本文にあります');
    const choice = { preferences: [{ kind: 'newMessage', mode: 'weekly' }] };
    expect((await put(t, volunteer.headers, '/api/me/notification-preferences', choice)).statusCode).toBe(200);
    expect((await post(t, volunteer.headers, '/api/me/calendar-feed')).statusCode).toBe(200);

    const res = await post(t, volunteer.headers, '/api/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="machi-udekiki-my-data-/);
    const data = MyDataExport.parse(res.json());

    expect(data.account).toMatchObject({ id: volunteer.id, email: volunteer.email, phone: '090-1111-2222' });
    expect(data.roles.map((r) => r.role)).toEqual(['volunteer']);
    expect(data.volunteerProfile?.interestCategories).toEqual(['photo_video']);
    expect(data.applications).toEqual([
      expect.objectContaining({ id, requestId: request.id, requestTitle: '夏祭りの写真撮影', status: 'accepted' }),
    ]);
    expect(data.applications[0]!.completedAt).not.toBeNull();
    expect(data.applications[0]!.confirmedAt).not.toBeNull();
    expect(data.messages.map((m) => [m.body, m.requestTitle])).toEqual([
      ['当日は何時に伺えばよいですか', '夏祭りの写真撮影'],
    ]);
    expect(data.thanks.map((x) => [x.given, x.body]).sort()).toEqual([
      [false, '素敵な写真をありがとう'],
      [true, '楽しかったです'],
    ]);
    expect(data.ratings.map((x) => [x.given, x.score, x.comment]).sort()).toEqual([
      [false, 5, '時間どおりで丁寧'],
      [true, 4, '集合場所が分かりにくかった'],
    ]);
    expect(data.flags).toEqual([
      expect.objectContaining({
        targetType: 'request',
        targetId: elsewhere.id,
        reason: '電話番号が本文にあります',
        status: 'open',
      }),
    ]);
    // the audit trail: their contact shown to the association, and this export itself
    const actions = data.auditEntries.map((e) => [e.action, e.byThem]);
    expect(actions).toContainEqual(['contact.reveal', false]);
    expect(actions).toContainEqual(['me.export', true]);
    // what they were told (accepted, a new message, marked done), their mail choice, and that a feed exists
    const told = data.notifications.map((n) => n.kind);
    expect(told).toEqual(expect.arrayContaining(['applicationAccepted', 'newMessage', 'markedDone']));
    expect(data.notifications.every((n) => n.link.startsWith('/'))).toBe(true);
    expect(data.notificationPreferences).toEqual([expect.objectContaining({ kind: 'newMessage', mode: 'weekly' })]);
    expect(data.calendarFeed?.createdAt).toEqual(expect.any(String));
    // sessions without their secrets, and nothing of the other volunteer's own activity
    const text = JSON.stringify(data);
    expect(text).not.toContain('別の人の発言');
    expect(text).not.toContain(other.email);
    expect(text).not.toMatch(/token|hash/i);
  });

  it('another person gets only their own, even with the same request in common', async () => {
    const first = await createVolunteer(t);
    const second = await createVolunteer(t);
    const request = await insertRequest(t, { slots: 2 });
    const firstId = await matched(t, first, request.id, demoEmails.officerSenju);
    await matched(t, second, request.id, demoEmails.officerSenju);
    await post(t, first.headers, `/api/applications/${firstId}/messages`, { body: '最初の人の発言' });
    const data = MyDataExport.parse((await post(t, second.headers, '/api/me/export')).json());
    expect(data.applications.map((a) => a.requestId)).toEqual([request.id]);
    expect(data.messages).toEqual([]);
    expect(data.calendarFeed).toBeNull();
    expect(data.notificationPreferences).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(first.email);
  });
});
