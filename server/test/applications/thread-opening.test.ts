import { schema } from '@board/db';
import { ApplicationList } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readThread,
  applied,
  as,
  createVolunteer,
  get,
  insertRequest,
  officers,
  post,
  rowCounts,
  useApiApp,
} from '../kit/index.ts';

/**
 * A match's thread opens with what the two sides already said: the volunteer's message when
 * raising a hand and the officer's note when accepting. They are read from the application (no
 * rows are copied into `messages`); the applicant also shows the language they read the site in.
 */
const t = useApiApp();
let senju: Record<string, string>;
beforeAll(async () => {
  senju = await as(t, officers.senju);
});

const thread = (headers: Record<string, string>, id: string) => readThread(t, headers, id);

describe("the thread's first two items", () => {
  it("are the hand's message and the acceptance note, for both sides, before any message", async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t, { displayName: 'Lan Nguyen', language: 'ja-easy' });
    const id = await applied(t, volunteer.headers, request.id, 'しゃしんが すきです。てつだいます。');
    const accepted = await post(t, senju, `/api/applications/${id}/accept`, {
      note: '9じに しゅうかいじょで あいましょう。',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const before = await rowCounts(t);

    const asOfficer = await thread(senju, id);
    expect(asOfficer.items.map((m) => [m.kind, m.senderSide, m.senderName, m.body, m.mine, m.hidden])).toEqual([
      ['application', 'volunteer', 'Lan Nguyen', 'しゃしんが すきです。てつだいます。', false, false],
      ['acceptance', 'association', '千住一丁目町会', '9じに しゅうかいじょで あいましょう。', true, false],
    ]);
    const [hand, note] = asOfficer.items;
    expect(Date.parse(hand!.createdAt)).toBeLessThanOrEqual(Date.parse(note!.createdAt));
    // ids that name no message: they cannot be mistaken for one (flags, links)
    expect(hand!.id).toBe(`application-${id}`);
    expect(note!.id).toBe(`acceptance-${id}`);

    const asVolunteer = await thread(volunteer.headers, id);
    expect(asVolunteer.items.map((m) => [m.kind, m.mine])).toEqual([
      ['application', true],
      ['acceptance', false],
    ]);
    // reading the thread copied nothing into the messages table
    expect(await rowCounts(t)).toEqual(before);
    expect(await t.database.handle.db.select().from(schema.messages)).not.toContainEqual(
      expect.objectContaining({ applicationId: id }),
    );

    // messages sent afterwards follow them
    expect((await post(t, volunteer.headers, `/api/applications/${id}/messages`, { body: 'はい！' })).statusCode).toBe(
      201,
    );
    expect((await thread(senju, id)).items.map((m) => m.kind)).toEqual(['application', 'acceptance', 'message']);
  });

  it('without a note, the thread opens with the hand alone', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const id = await applied(t, volunteer.headers, request.id, '手伝えます');
    expect((await post(t, senju, `/api/applications/${id}/accept`, { note: '   ' })).statusCode).toBe(200);
    expect((await thread(senju, id)).items.map((m) => [m.kind, m.body])).toEqual([['application', '手伝えます']]);
  });
});

describe("an applicant's reading language", () => {
  it('is the language of their profile, shown to the officer beside the languages they listed', async () => {
    const request = await insertRequest(t);
    const easy = await createVolunteer(t, { language: 'ja-easy', profile: { languages: ['vi', 'ja'] } });
    const english = await createVolunteer(t, { language: 'en', profile: { languages: ['en'] } });
    await applied(t, easy.headers, request.id);
    await applied(t, english.headers, request.id);
    const list = ApplicationList.parse((await get(t, senju, `/api/requests/${request.id}/applications`)).json());
    const byVolunteer = new Map(list.items.map((a) => [a.applicant.id, a.applicant]));
    expect(byVolunteer.get(easy.id)).toMatchObject({ readingLanguage: 'ja-easy', languages: ['vi', 'ja'] });
    expect(byVolunteer.get(english.id)).toMatchObject({ readingLanguage: 'en', languages: ['en'] });
  });
});
