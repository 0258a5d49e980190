import { schema } from '@board/db';
import { MyRequestsPage } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  applied,
  as,
  associationIdOf,
  createPerson,
  createVolunteer,
  demoEmails,
  forgetMail,
  get,
  insertRequest,
  mailTo,
  matched,
  post,
  useApiApp,
} from '../kit/index.ts';

/**
 * What officers are told (issue 15): one name per action in mail and on the buttons, links to the
 * officer's own page of the request, the hands waiting on their list, and the ward's contact desk
 * at the foot of every mail about that ward's requests.
 */

const t = useApiApp();
const origin = () => t.config.publicOrigin;
/** typed by staff: two lines, an address, and text that must stay text */
const desk = '足立区 地域のちから推進課\n03-0000-0000（平日 9時〜17時）\n<b>窓口</b>';
let senju: string;
let englishOfficer: { id: string; email: string };
let easyOfficer: { id: string; email: string };

beforeAll(async () => {
  senju = await associationIdOf(t, '千住一丁目町会');
  const officerOfSenju = [{ role: 'officer' as const, municipalityCode: '13121', associationId: senju }];
  englishOfficer = await createPerson(t, { language: 'en', roles: officerOfSenju });
  easyOfficer = await createPerson(t, { language: 'ja-easy', roles: officerOfSenju });
  await t.database.handle.db
    .update(schema.municipalities)
    .set({ settings: { contactDesk: desk } })
    .where(eq(schema.municipalities.code, '13121'));
});

const deskLines = ['  足立区 地域のちから推進課', '  03-0000-0000（平日 9時〜17時）', '  <b>窓口</b>'].join('\n');

describe('the officer’s list counts the hands waiting for an answer', () => {
  it('two waiting and one accepted → 2; a request nobody raised a hand for → 0', async () => {
    const busy = await insertRequest(t, { title: '返事を待つ人がいる依頼', slots: 3 });
    const quiet = await insertRequest(t, { title: 'まだだれも来ない依頼' });
    const [first, second, third] = [await createVolunteer(t), await createVolunteer(t), await createVolunteer(t)];
    await applied(t, first.headers, busy.id);
    await applied(t, second.headers, busy.id);
    await matched(t, third, busy.id, demoEmails.officerSenju);

    const res = await get(t, await as(t, demoEmails.officerSenju), '/api/me/requests?limit=100');
    const items = answer(res, 200, MyRequestsPage).items;
    const count = (id: string) => items.find((item) => item.id === id)?.pendingApplications;
    expect([count(busy.id), count(quiet.id)]).toEqual([2, 0]);
  });

  it('counts only what the officer may read: another ward’s officer sees neither the request nor its count', async () => {
    const busy = await insertRequest(t, { title: '足立区の依頼' });
    await applied(t, (await createVolunteer(t)).headers, busy.id);
    const res = await get(t, await as(t, demoEmails.officerOkubo), '/api/me/requests?limit=100');
    const items = answer(res, 200, MyRequestsPage).items;
    expect(items.map((item) => item.id)).not.toContain(busy.id);
    expect(items.every((item) => item.municipalityCode === '13104')).toBe(true);
  });
});

describe('mails to officers', () => {
  it('changes requested: the buttons’ own names, the officer’s page, the desk at the foot (ja, en, ja-easy)', async () => {
    const request = await insertRequest(t, { title: '直してほしい依頼', status: 'pending_review' });
    forgetMail(t);
    const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${request.id}/request-changes`, {
      reason: '日時を書いてください。',
    });
    expect(res.statusCode).toBe(200);
    const page = `${origin()}/association/requests/${request.id}\n`;

    const ja = await mailTo(t, demoEmails.officerSenju, /修正/);
    expect(ja.text).toContain('「直して確認に出す」');
    expect(ja.text).toContain('「確認に出す」を押してください');
    expect(ja.text).not.toContain('確認を申し込む');
    expect(ja.text).toContain(page);
    expect(ja.text).toContain(`お問い合わせ（区市町村の窓口）：\n${deskLines}\n\n―――`);

    const en = await mailTo(t, englishOfficer.email, /revise/);
    expect(en.text).toContain('“Fix it and send for review”');
    expect(en.text).toContain('“Send for review”');
    expect(en.text).toContain(page);
    expect(en.text).toContain(`Questions? Your municipality’s contact desk:\n${deskLines}`);

    const easy = await mailTo(t, easyOfficer.email, /なおして/);
    expect(easy.text).toContain('「なおして みて もらう」');
    expect(easy.text).toContain('「みて もらう」を おして');
    expect(easy.text).toContain(page);
    expect(easy.text).toContain(`わからない ときの まどぐち：\n${deskLines}`);
  });

  it('rejected: points to the desk at the foot; approved and closed link to the officer’s page too', async () => {
    const rejected = await insertRequest(t, { title: '載せられない依頼', status: 'pending_review' });
    const approved = await insertRequest(t, { title: '載せる依頼', status: 'pending_review' });
    const closed = await insertRequest(t, { title: '終える依頼' });
    const staff = await as(t, demoEmails.staffAdachi);
    forgetMail(t);
    expect((await post(t, staff, `/api/requests/${rejected.id}/reject`, { reason: '営利目的です。' })).statusCode).toBe(
      200,
    );
    expect((await post(t, staff, `/api/requests/${approved.id}/approve`)).statusCode).toBe(200);
    expect((await post(t, staff, `/api/requests/${closed.id}/close`, { reason: '中止です。' })).statusCode).toBe(200);

    const no = await mailTo(t, demoEmails.officerSenju, /載せられない依頼/);
    expect(no.text).toContain('このメールの下にある区市町村の窓口');
    expect(no.text).toContain(`${origin()}/association/requests/${rejected.id}\n`);
    const yes = await mailTo(t, demoEmails.officerSenju, /載せる依頼/);
    expect(yes.subject).toContain('掲示板に載りました');
    expect(yes.text).toContain(`${origin()}/association/requests/${approved.id}\n`);
    const ended = await mailTo(t, demoEmails.officerSenju, /終える依頼/);
    expect(ended.subject).toContain('募集を担当者が終えました');
    expect(ended.text).toContain(`${origin()}/association/requests/${closed.id}\n`);
    for (const mail of [no, yes, ended]) expect(mail.text).toContain(deskLines);
  });

  it('a raised hand links to the applicants on the officer’s page and names the two answer buttons', async () => {
    const request = await insertRequest(t, { title: '手が挙がる依頼' });
    forgetMail(t);
    await applied(t, (await createVolunteer(t, { displayName: '山田 花子' })).headers, request.id);
    const ja = await mailTo(t, demoEmails.officerSenju, /手が挙がりました/);
    expect(ja.text).toContain(`${origin()}/association/requests/${request.id}#applicants-heading\n`);
    expect(ja.text).toContain('「この人にお願いする」か「お断りする」');
    expect(ja.text).toContain(deskLines);
    // the hand goes to the officer who posted it: here one who reads English
    const theirs = await insertRequest(t, {
      title: 'An English officer’s request',
      createdByEmail: englishOfficer.email,
    });
    await applied(t, (await createVolunteer(t)).headers, theirs.id);
    const en = await mailTo(t, englishOfficer.email, /raised a hand/);
    expect(en.text).toContain('“Accept” or “Decline”');
    expect(en.text).toContain(`${origin()}/association/requests/${theirs.id}#applicants-heading\n`);
  });

  it('another ward without a desk: no desk block, the general words instead', async () => {
    // the demo gives its wards a desk: Shinjuku's is taken away here
    await t.database.handle.db
      .update(schema.municipalities)
      .set({ settings: {} })
      .where(eq(schema.municipalities.code, '13104'));
    const request = await insertRequest(t, {
      municipalityCode: '13104',
      title: '新宿区の依頼',
      status: 'pending_review',
    });
    forgetMail(t);
    const res = await post(t, await as(t, demoEmails.staffShinjuku), `/api/requests/${request.id}/reject`, {
      reason: '内容が足りません。',
    });
    expect(res.statusCode).toBe(200);
    const mail = await mailTo(t, demoEmails.officerOkubo, /新宿区の依頼/);
    expect(mail.text).toContain('区市町村の担当窓口にお問い合わせください');
    expect(mail.text).not.toContain('お問い合わせ（区市町村の窓口）');
    expect(mail.text).not.toContain('足立区 地域のちから推進課');
  });
});

describe('mails to volunteers about the ward’s requests', () => {
  it('matched, then marked done: the desk at the foot; “done” links to where they confirm, named as the button', async () => {
    const request = await insertRequest(t, { title: '終わったか確かめる依頼' });
    const volunteer = await createVolunteer(t, { language: 'ja-easy' });
    forgetMail(t);
    const id = await matched(t, volunteer, request.id, demoEmails.officerSenju);
    const accepted = await mailTo(t, volunteer.email, /てつだう ことに/);
    expect(accepted.text).toContain(deskLines);

    expect((await post(t, await as(t, demoEmails.officerSenju), `/api/applications/${id}/complete`)).statusCode).toBe(
      200,
    );
    const done = await mailTo(t, volunteer.email, /おわりました/);
    expect(done.text).toContain('「おわった ことを たしかめる」を おして');
    expect(done.text).toContain(`${origin()}/me/applications#app-${id}-title\n`);
    expect(done.text).toContain(`わからない ときの まどぐち：\n${deskLines}`);
  });
});
