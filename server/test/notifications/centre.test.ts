import { NotificationPreferences, UnreadCount } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  applied,
  createVolunteer,
  errorCode,
  forgetMail,
  get,
  insertRequest,
  mailSent,
  mailsTo,
  mailTo,
  newHand,
  officers,
  post,
  put,
  rowCounts,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { notificationsOf, rowsOf, unsubscribeKeyIn } from './scene.ts';

/**
 * The notification centre (issue 11): one `notify()` writes the in-app row and queues the mail by
 * the recipient's choice; the list pages by keyset and is the person's own; one-click unsubscribe.
 */

const t = useApiApp();
const { senju, umeda } = useDemoPeople(t);

describe('a hand raised, through notify', () => {
  it('gives the officer an unread notification and a mail with a one-click unsubscribe for its kind', async () => {
    const { request, volunteer } = await newHand(t);

    const page = await notificationsOf(t, senju);
    expect(page.items[0]).toMatchObject({
      kind: 'handRaised',
      requestId: request.id,
      readAt: null,
      link: `/association/requests/${request.id}#applicants-heading`,
    });
    expect(page.items[0]!.params.requestTitle).toBe(request.title);
    expect(page.unread).toBeGreaterThan(0);

    const mail = await mailTo(t, officers.senju, new RegExp(request.title));
    expect(mail.headers?.['List-Unsubscribe']).toMatch(/^<http.*\/api\/unsubscribe\?key=[\w-]+>$/);
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('/unsubscribe?key=');
    // the volunteer and another association's officer see none of it
    expect((await notificationsOf(t, volunteer.headers)).items).toEqual([]);
    expect((await notificationsOf(t, umeda)).items.filter((n) => n.requestId === request.id)).toEqual([]);
  });

  it('pages newest first with a cursor, and refuses a cursor it did not make', async () => {
    for (let i = 0; i < 3; i++) await newHand(t);
    const first = await notificationsOf(t, senju, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await notificationsOf(t, senju, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0]!.createdAt <= first.items[1]!.createdAt).toBe(true);
    expect(second.items.map((n) => n.id)).not.toContain(first.items[1]!.id);
    const bad = await get(t, senju, '/api/notifications?cursor=bm90LWEtY3Vyc29y');
    expect(`${bad.statusCode} ${errorCode(bad)}`).toBe('400 VALIDATION_FAILED');
  });

  it('marks one read, then all; another person’s ids change nothing', async () => {
    await newHand(t);
    const [one] = (await notificationsOf(t, senju)).items;
    const others = await post(t, umeda, '/api/notifications/read', { ids: [one!.id] });
    expect(others.statusCode).toBe(200);
    expect((await notificationsOf(t, senju)).items[0]!.readAt).toBeNull();

    const before = (await notificationsOf(t, senju)).unread;
    const res = await post(t, senju, '/api/notifications/read', { ids: [one!.id] });
    expect(UnreadCount.parse(res.json()).unread).toBe(before - 1);
    expect((await notificationsOf(t, senju)).items[0]!.readAt).not.toBeNull();

    const all = await post(t, senju, '/api/notifications/read', { all: true });
    expect(UnreadCount.parse(all.json()).unread).toBe(0);
    const refused = await post(t, senju, '/api/notifications/read', { ids: ['nope'] });
    expect(refused.statusCode).toBe(400);
  });
});

describe('preferences', () => {
  it('lists every kind with its default, and keeps what the person changes', async () => {
    const volunteer = await createVolunteer(t);
    const initial = NotificationPreferences.parse(
      (await get(t, volunteer.headers, '/api/me/notification-preferences')).json(),
    );
    expect(initial.preferences.find((p) => p.kind === 'requestFits')?.mode).toBe('daily');
    const res = await put(t, volunteer.headers, '/api/me/notification-preferences', {
      preferences: [{ kind: 'applicationAccepted', mode: 'weekly' }],
    });
    const after = NotificationPreferences.parse(res.json());
    expect(after.preferences.find((p) => p.kind === 'applicationAccepted')?.mode).toBe('weekly');
    expect(after.preferences.find((p) => p.kind === 'newMessage')?.mode).toBe('immediate');
  });

  it('refuses an unknown kind or mode and changes nothing', async () => {
    const volunteer = await createVolunteer(t);
    const before = await rowCounts(t);
    for (const preferences of [[{ kind: 'nonsense', mode: 'off' }], [{ kind: 'newMessage', mode: 'hourly' }]]) {
      const res = await put(t, volunteer.headers, '/api/me/notification-preferences', { preferences });
      expect(res.statusCode).toBe(400);
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('"off" sends no mail but keeps the in-app notification', async () => {
    const volunteer = await createVolunteer(t);
    await put(t, senju, '/api/me/notification-preferences', { preferences: [{ kind: 'handRaised', mode: 'off' }] });
    const request = await insertRequest(t);
    forgetMail(t);
    await applied(t, volunteer.headers, request.id);
    await mailSent(t);
    expect(mailsTo(t, officers.senju).filter((m) => m.subject.includes(request.title))).toEqual([]);
    expect((await rowsOf(t, officers.senju, 'handRaised')).some((n) => n.requestId === request.id)).toBe(true);
    await put(t, senju, '/api/me/notification-preferences', {
      preferences: [{ kind: 'handRaised', mode: 'immediate' }],
    });
  });
});

describe('unsubscribe', () => {
  it('shows and then stops only the link’s kind, signed out; a forged key is refused', async () => {
    const volunteer = await createVolunteer(t);
    const request = await insertRequest(t);
    forgetMail(t);
    await applied(t, volunteer.headers, request.id);
    const key = unsubscribeKeyIn((await mailTo(t, officers.senju, new RegExp(request.title))).text);

    const shown = await get(t, {}, `/api/unsubscribe?key=${key}`);
    expect(shown.json()).toEqual({ kind: 'handRaised', mode: 'immediate' });
    // a mail program's one-click POST: a form body, no cookie, no sign-in
    const done = await post(
      t,
      { 'content-type': 'application/x-www-form-urlencoded' },
      `/api/unsubscribe?key=${key}`,
      'List-Unsubscribe=One-Click',
    );
    expect(done.statusCode).toBe(200);
    const prefs = NotificationPreferences.parse((await get(t, senju, '/api/me/notification-preferences')).json());
    expect(prefs.preferences.find((p) => p.kind === 'handRaised')?.mode).toBe('off');
    expect(prefs.preferences.find((p) => p.kind === 'newMessage')?.mode).toBe('immediate');

    const forged = Buffer.from(`${volunteer.id}.handRaised.AAAA`).toString('base64url');
    const refused = await post(t, {}, `/api/unsubscribe?key=${forged}`);
    expect(`${refused.statusCode} ${errorCode(refused)}`).toBe('400 TOKEN_INVALID');
    await put(t, senju, '/api/me/notification-preferences', {
      preferences: [{ kind: 'handRaised', mode: 'immediate' }],
    });
  });
});
