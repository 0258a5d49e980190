import { schema } from '@board/db';
import { ErrorBody, Me } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  answer,
  as,
  associationIdOf,
  bearer,
  createPerson,
  demoEmails,
  get,
  patch,
  rowCounts,
  useApiApp,
} from '../kit/index.ts';
const t = useApiApp();

const volunteerProfile = {
  skills: [],
  interestCategories: ['design_flyers', 'photo_video'],
  municipalityCodes: ['13121', '13104'],
  availability: '土日の午前',
  availabilitySlots: [],
  hoursPerMonth: null,
  suggestable: false,
  languages: ['ja', 'en'],
  onlineOk: true,
  bio: 'チラシ作りが得意です。',
  showThanks: false,
};

describe('getMe', () => {
  it('is 401 without a session', async () => {
    const res = await get(t, {}, '/api/me');
    expect(answer(res, 401, ErrorBody).error.code).toBe('UNAUTHENTICATED');
  });

  it('shows municipal staff their account and their municipality by name', async () => {
    const res = await get(t, await as(t, demoEmails.staffAdachi), '/api/me');
    const me = answer(res, 200, Me);
    expect(me).toMatchObject({
      email: demoEmails.staffAdachi,
      emailVerified: true,
      hasPassword: true,
      displayName: '足立区 地域調整課 佐藤',
      language: 'ja',
      volunteerProfile: null,
    });
    expect(me.roles).toEqual([
      {
        role: 'municipal_staff',
        municipalityCode: '13121',
        municipalityName: '足立区',
        associationId: null,
        associationName: null,
      },
    ]);
  });

  it('lists every hat of a person with several roles, with the association named', async () => {
    const res = await get(t, await as(t, demoEmails.officerOkubo), '/api/me');
    const me = Me.parse(res.json());
    expect(me.roles).toEqual([
      { role: 'volunteer', municipalityCode: null, municipalityName: null, associationId: null, associationName: null },
      {
        role: 'officer',
        municipalityCode: '13104',
        municipalityName: '新宿区',
        associationId: await associationIdOf(t, '大久保二丁目町会'),
        associationName: '大久保二丁目町会',
      },
    ]);
  });

  it('works for an account that wears no hat at all', async () => {
    const person = await createPerson(t, { roles: [] });
    const res = await get(t, await bearer(t, person.id), '/api/me');
    expect(answer(res, 200, Me).roles).toEqual([]);
    // made without a password (as after accepting an invitation by link only)
    expect(Me.parse(res.json()).hasPassword).toBe(false);
  });
});

describe('updateMe', () => {
  it('changes account fields and the volunteer profile of a volunteer', async () => {
    const headers = await as(t, demoEmails.volunteer1);
    const res = await patch(t, headers, '/api/me', {
      displayName: '  山本 さくら（チラシ） ',
      language: 'ja-easy',
      notificationEmail: 'Sakura.Mail@Example.JP',
      phone: '090-1234-5678',
      volunteerProfile,
    });
    const me = answer(res, 200, Me);
    expect(me).toMatchObject({
      displayName: '山本 さくら（チラシ）',
      language: 'ja-easy',
      notificationEmail: 'sakura.mail@example.jp',
      phone: '090-1234-5678',
      volunteerProfile,
    });
    // it stuck
    const again = Me.parse((await get(t, headers, '/api/me')).json());
    expect(again).toEqual(me);

    // partial update leaves the rest; null clears a contact detail
    const cleared = Me.parse((await patch(t, headers, '/api/me', { phone: null })).json());
    expect(cleared.phone).toBeNull();
    expect(cleared.displayName).toBe('山本 さくら（チラシ）');
    expect(cleared.volunteerProfile).toEqual(volunteerProfile);
  });

  it('refuses a volunteer profile from someone who is not a volunteer, writing nothing', async () => {
    const before = await rowCounts(t);
    const res = await patch(t, await as(t, demoEmails.staffShinjuku), '/api/me', {
      displayName: '変えない',
      volunteerProfile,
    });
    expect(answer(res, 403, ErrorBody).error.fields).toEqual([{ field: 'volunteerProfile', code: 'NOT_A_VOLUNTEER' }]);
    expect(await rowCounts(t)).toEqual(before);
    const [user] = await t.database.handle.db
      .select({ displayName: schema.users.displayName })
      .from(schema.users)
      .where(eq(schema.users.email, demoEmails.staffShinjuku));
    expect(user!.displayName).toBe('新宿区 地域コミュニティ課 鈴木');
  });

  it('refuses a municipality that does not exist', async () => {
    const res = await patch(t, await as(t, demoEmails.volunteer2), '/api/me', {
      volunteerProfile: { ...volunteerProfile, municipalityCodes: ['13121', '13999'] },
    });
    expect(answer(res, 400, ErrorBody).error.fields).toEqual([
      { field: 'volunteerProfile.municipalityCodes', code: 'MUNICIPALITY_UNKNOWN' },
    ]);
  });
});
