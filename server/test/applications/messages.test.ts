import { schema } from '@board/db';
import { ThreadMessage } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailThrottleKey } from '../../src/limits/mail-throttle.ts';
import { useApiApp } from '../kit/app.ts';
import { newHand, newMatch, readThread } from '../kit/applications.ts';
import { answer, errorCode, get, post } from '../kit/http.ts';
import { mailsTo } from '../kit/mail.ts';
import { as, createVolunteer, demoEmails, officers, useDemoPeople } from '../kit/people.ts';
import { rowCounts } from '../kit/rows.ts';

const t = useApiApp();
const { senju } = useDemoPeople(t);

const send = (headers: Record<string, string>, id: string, body: string) =>
  post(t, headers, `/api/applications/${id}/messages`, { body });
const thread = (headers: Record<string, string>, id: string) => readThread(t, headers, id);

describe('messages between the two sides of a match', () => {
  it('carries plain text both ways, oldest first, marking whose each message is', async () => {
    const { volunteer, id } = await newMatch(t, {}, { displayName: '話す 三郎' });

    const first = await send(volunteer.headers, id, 'はじめまして。<b>よろしく</b>お願いします。\n当日は何時ですか？');
    expect(answer(first, 201, ThreadMessage)).toMatchObject({ senderSide: 'volunteer', mine: true, hidden: false });
    expect((await send(senju, id, '9時に集会所でお願いします。')).statusCode).toBe(201);

    const asOfficer = await thread(senju, id);
    expect(asOfficer.canSend).toBe(true);
    // the thread opens with the hand's message (thread-opening.test.ts), then the messages
    expect(asOfficer.items.map((m) => [m.kind, m.senderSide, m.mine, m.body])).toEqual([
      ['application', 'volunteer', false, 'お手伝いします'],
      ['message', 'volunteer', false, 'はじめまして。<b>よろしく</b>お願いします。\n当日は何時ですか？'],
      ['message', 'association', true, '9時に集会所でお願いします。'],
    ]);
    expect(asOfficer.items[1]!.senderName).toBe('話す 三郎');
    expect((await thread(volunteer.headers, id)).items.map((m) => m.mine)).toEqual([true, true, false]);
  });

  it('stores readings over a message’s kanji when it is sent (furigana, issue 13), never for a hidden one', async () => {
    const { volunteer, id } = await newMatch(t);
    await send(senju, id, '町会の防災訓練です。');
    await send(volunteer.headers, id, 'よろしくおねがいします');
    const items = (await thread(volunteer.headers, id)).items.filter((m) => m.kind === 'message');
    expect(items[0]!.bodyRuby).toEqual([
      ['町会', 'ちょうかい'],
      'の',
      ['防災', 'ぼうさい'],
      ['訓練', 'くんれん'],
      'です。',
    ]);
    // kana only: nothing to read
    expect(items[1]!.bodyRuby).toBeNull();
    // the opening notes come from the application, without readings
    expect((await thread(volunteer.headers, id)).items[0]!.bodyRuby).toBeNull();
    await t.database.handle.db
      .update(schema.messages)
      .set({ hiddenAt: new Date() })
      .where(eq(schema.messages.id, items[0]!.id));
    const hidden = (await thread(volunteer.headers, id)).items.find((m) => m.id === items[0]!.id)!;
    expect([hidden.body, hidden.bodyRuby]).toEqual([null, null]);
  });

  it('opens only with the match: pending is 409 NOT_MATCHED; after a withdrawal the thread is read-only', async () => {
    const { volunteer, id } = await newHand(t, { slots: 2 });
    for (const headers of [volunteer.headers, senju]) {
      const read = await get(t, headers, `/api/applications/${id}/messages`);
      expect(read.statusCode).toBe(409);
      expect(errorCode(read)).toBe('NOT_MATCHED');
      expect(errorCode(await send(headers, id, 'もしもし'))).toBe('NOT_MATCHED');
    }
    await post(t, senju, `/api/applications/${id}/accept`, {});
    await send(senju, id, 'よろしくお願いします');
    await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    const after = await thread(volunteer.headers, id);
    expect(after.canSend).toBe(false);
    expect(after.items.filter((m) => m.kind === 'message').map((m) => m.body)).toEqual(['よろしくお願いします']);
    expect(errorCode(await send(volunteer.headers, id, 'まだいますか'))).toBe('NOT_MATCHED');
  });

  it('refuses everyone else: other volunteers, other associations, other municipalities, and staff', async () => {
    const { volunteer, id } = await newMatch(t);
    await send(volunteer.headers, id, 'ないしょの話です');
    // made before counting: the kit's row counts include the people tables
    const otherVolunteer = await createVolunteer(t);
    const before = await rowCounts(t);

    const outsiders: [string, Record<string, string>, number][] = [
      ['another volunteer', otherVolunteer.headers, 404],
      ['officer of another association, same municipality', await as(t, officers.umeda), 404],
      ['officer in another municipality', await as(t, officers.okubo), 404],
      ["another municipality's staff", await as(t, demoEmails.staffShinjuku), 404],
      // they can see the application exists, but threads are private (a flag brings a message to them)
      ["the municipality's own staff", await as(t, demoEmails.staffAdachi), 403],
      ['foundation staff', await as(t, demoEmails.foundation), 403],
      ['anonymous', {}, 401],
    ];
    for (const [who, headers, status] of outsiders) {
      const read = await get(t, headers, `/api/applications/${id}/messages`);
      expect(read.statusCode, who).toBe(status);
      expect(read.body, who).not.toContain('ないしょの話です');
      expect((await send(headers, id, '割り込み')).statusCode, who).toBe(status);
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('shows a message staff hid as hidden, without its text', async () => {
    const { volunteer, id } = await newMatch(t);
    const sent = ThreadMessage.parse((await send(volunteer.headers, id, 'ひどいことば')).json());
    await t.database.handle.db
      .update(schema.messages)
      .set({ hiddenAt: new Date() })
      .where(eq(schema.messages.id, sent.id));
    const message = (await thread(senju, id)).items.find((m) => m.kind === 'message');
    expect(message).toMatchObject({ id: sent.id, hidden: true, body: null });
    expect(JSON.stringify(await thread(volunteer.headers, id))).not.toContain('ひどいことば');
  });
});

describe('new-message mail', () => {
  it('mails the other side at most once per 15 minutes per thread and side, in their language, without the text', async () => {
    const { request, volunteer, id } = await newMatch(t, {}, { language: 'en', displayName: 'Sam Lee' });
    const officerMails = () =>
      mailsTo(t, officers.senju).filter(
        (m) => m.subject.includes('新しいメッセージ') && m.subject.includes(request.title),
      );
    const volunteerMails = () => mailsTo(t, volunteer.email).filter((m) => m.subject.includes('New message'));

    await send(volunteer.headers, id, 'Hello! What should I bring?');
    await send(volunteer.headers, id, 'Also, is there parking?');
    expect(officerMails()).toHaveLength(1);
    expect(officerMails()[0]!.text).toContain('Sam Leeさんから');
    expect(officerMails()[0]!.text).toContain(`/matches/${id}`);
    expect(officerMails()[0]!.text).not.toContain('parking');

    // the other side has its own clock: the officer's reply is mailed to the volunteer, in English
    await send(senju, id, '駐車場はありません。');
    expect(volunteerMails()).toHaveLength(1);
    expect(volunteerMails()[0]!.text).toContain('千住一丁目町会 sent you a message');
    await send(senju, id, '自転車は置けます。');
    expect(volunteerMails()).toHaveLength(1);

    // once the association side's 15 minutes are over (its throttle window ended), a new message is mailed again
    await t.database.handle.db
      .update(schema.rateLimitCounters)
      .set({ windowEndsAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.rateLimitCounters.key, mailThrottleKey({ kind: 'newMessage', per: [id, 'association'] })));
    await send(volunteer.headers, id, 'Thanks, see you then.');
    expect(officerMails()).toHaveLength(2);
    expect(volunteerMails()).toHaveLength(1);
  });
});
