import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BoardPage, HelpRequestDetail, MunicipalityList } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  get,
  inviteTokenIn,
  mailTo,
  patch,
  post,
  signIn,
  tokenIn,
  useApiApp,
  validInput,
  visitorPost,
} from '../kit/index.ts';

/**
 * README "First run on a real database", step by step, from an empty database (no demo data, as
 * with DEMO_DATA=0): the operator makes the first foundation account, who sets a password,
 * activates a ward and invites its staff; the staff register an association and invite its
 * officer; the officer posts, the staff approve, and the request is on the board. Every step
 * goes through the same routes the pages use.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const t = useApiApp({ demo: false });

const headersOf = (session: { accessToken: string }) => ({ authorization: `Bearer ${session.accessToken}` });

/** A new account from an invitation mail: the link's token, a name and a password (the accept page). */
async function acceptInvitation(email: string, displayName: string, password: string) {
  const mail = await mailTo(t, email, /招待/);
  const res = await visitorPost(t, '/api/invitations/accept', {
    token: inviteTokenIn(mail.text),
    displayName,
    password,
  });
  expect(res.statusCode, res.body).toBe(200);
  return headersOf(await signIn(t, email, password));
}

describe('first run on a real database', () => {
  it('empty: nothing active, nothing on the board, nobody to sign in', async () => {
    const active = MunicipalityList.parse((await get(t, {}, '/api/municipalities?status=active')).json());
    expect(active.items).toEqual([]);
    const all = MunicipalityList.parse((await get(t, {}, '/api/municipalities')).json());
    expect(all.items).toHaveLength(62);
    expect(all.items.every((m) => m.status === 'onboarding')).toBe(true);
    expect(BoardPage.parse((await get(t, {}, '/api/requests')).json()).items).toEqual([]);
  });

  it('operator → foundation → ward staff → association officer → a request on the board', async () => {
    // 1. the operator makes the first foundation account (no password; they set one by mail)
    const foundationEmail = 'zaidan.first@example.jp';
    const made = await run(
      process.execPath,
      ['scripts/admin/create-foundation-staff.ts', '--email', foundationEmail, '--name', '財団 はじめ'],
      { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url } },
    );
    expect(made.stdout).toContain('granted the foundation staff role');
    expect((await visitorPost(t, '/api/auth/password-reset', { email: foundationEmail })).statusCode).toBe(202);
    const reset = await mailTo(t, foundationEmail, /パスワード/);
    const password = 'foundation first password';
    const confirmed = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: tokenIn(reset.text),
      password,
    });
    expect(confirmed.statusCode).toBe(200);
    const foundation = headersOf(await signIn(t, foundationEmail, password));

    // 2. the foundation activates 足立区 and invites its first staff member
    const activated = await post(t, foundation, '/api/municipalities/13121/status', {
      change: 'activate',
      reason: '足立区との協定を結んだ',
    });
    expect(activated.statusCode).toBe(200);
    const active = MunicipalityList.parse((await get(t, {}, '/api/municipalities?status=active')).json());
    expect(active.items.map((m) => m.code)).toEqual(['13121']);
    const staffEmail = 'chiiki@city.adachi.example.jp';
    const invited = await post(t, foundation, '/api/invitations/municipal-staff', {
      email: staffEmail,
      municipalityCode: '13121',
      language: 'ja',
    });
    expect(invited.statusCode).toBe(201);
    const staff = await acceptInvitation(staffEmail, '足立区 地域調整課 山田', 'adachi staff password');

    // 3. the staff set the desk, register an association and invite its officer
    const desk = await patch(t, staff, '/api/municipalities/13121/settings', {
      contactDesk: '足立区 地域調整課\n03-0000-0000（平日 8:30〜17:15）',
    });
    expect(desk.statusCode).toBe(200);
    const association = await post(t, staff, '/api/associations', {
      municipalityCode: '13121',
      name: '千住三丁目町会',
      area: '千住三丁目',
      households: 300,
    });
    expect(association.statusCode).toBe(201);
    const associationId = association.json().id as string;
    const officerEmail = 'kaicho@senju3.example.jp';
    expect(
      (await post(t, staff, '/api/invitations/officers', { email: officerEmail, associationId, language: 'ja' }))
        .statusCode,
    ).toBe(201);
    const officer = await acceptInvitation(officerEmail, '千住三丁目町会 会長', 'senju officer password');

    // 4. the officer posts and sends a request; the staff approve it; it is on the board
    const draft = await post(t, officer, '/api/requests', validInput({ area: '千住三丁目' }));
    expect(draft.statusCode, draft.body).toBe(201);
    const id = HelpRequestDetail.parse(draft.json()).id;
    expect((await post(t, officer, `/api/requests/${id}/submit`)).statusCode).toBe(200);
    expect((await post(t, staff, `/api/requests/${id}/approve`, {})).statusCode).toBe(200);
    // and a second request the ward posts for the association from a paper form
    const onBehalf = await post(t, staff, '/api/requests/on-behalf', {
      ...validInput({ title: '餅つき大会の設営', area: '千住三丁目' }),
      associationId,
      source: 'paper',
    });
    expect(onBehalf.statusCode).toBe(201);
    const board = BoardPage.parse((await get(t, {}, '/api/requests')).json());
    expect(board.items.map((i) => [i.associationName, i.postedByMunicipality]).sort()).toEqual([
      ['千住三丁目町会', false],
      ['千住三丁目町会', true],
    ]);
  });
});
