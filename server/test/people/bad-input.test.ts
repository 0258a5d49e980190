import { schema } from '@board/db';
import { ErrorBody } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { createInvitation } from '../kit/invitations.ts';
import { as, associationIdOf, bearer, createPerson, demoEmails, userIdOf } from '../kit/people.ts';
import { rowCounts } from '../kit/rows.ts';

/** Every write route of the people modules: bad input is 400 naming the fields, and nothing is written or mailed. */

const t = useApiApp();
let leaverHeaders: Record<string, string>;
beforeAll(async () => {
  await createInvitation(t, {
    role: 'officer',
    municipalityCode: '13121',
    associationId: await associationIdOf(t, '千住一丁目町会'),
  });
  const leaver = await createPerson(t, {
    password: 'a long enough password',
    roles: [{ role: 'volunteer', municipalityCode: null, associationId: null }],
  });
  leaverHeaders = await bearer(t, leaver.id);
});

const okProfile = {
  skills: ['it_digital'],
  municipalityCodes: ['13121'],
  availability: '',
  languages: ['ja'],
  onlineOk: false,
  bio: '',
  showThanks: true,
};

interface BadCase {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  as: string | 'leaver' | null;
  payload: unknown;
  fields: string[];
}

const cases: BadCase[] = [
  {
    name: 'updateMe: empty name',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { displayName: '   ' },
    fields: ['displayName'],
  },
  {
    name: 'updateMe: name too long',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { displayName: 'あ'.repeat(61) },
    fields: ['displayName'],
  },
  {
    name: 'updateMe: language',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { language: 'fr' },
    fields: ['language'],
  },
  {
    name: 'updateMe: phone and notification email',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { phone: 'call me', notificationEmail: 'nope', displayName: '有効な名前' },
    fields: ['notificationEmail', 'phone'],
  },
  {
    name: 'updateMe: skill not a category',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { volunteerProfile: { ...okProfile, skills: ['cooking'] } },
    fields: ['volunteerProfile.skills.0'],
  },
  {
    name: 'updateMe: municipality code format',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { volunteerProfile: { ...okProfile, municipalityCodes: ['99999'] } },
    fields: ['volunteerProfile.municipalityCodes.0'],
  },
  {
    name: 'updateMe: profile incomplete',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { volunteerProfile: { skills: [] } },
    fields: [
      'volunteerProfile.municipalityCodes',
      'volunteerProfile.availability',
      'volunteerProfile.languages',
      'volunteerProfile.onlineOk',
      'volunteerProfile.bio',
      'volunteerProfile.showThanks',
    ],
  },
  {
    name: 'updateMe: bio too long',
    method: 'PATCH',
    url: () => '/api/me',
    as: demoEmails.volunteer1,
    payload: { volunteerProfile: { ...okProfile, bio: 'x'.repeat(1001) } },
    fields: ['volunteerProfile.bio'],
  },
  {
    name: 'deleteMe: empty password',
    method: 'DELETE',
    url: () => '/api/me',
    as: 'leaver',
    payload: { password: '' },
    fields: ['password'],
  },
  {
    name: 'deleteMe: confirm is not DELETE',
    method: 'DELETE',
    url: () => '/api/me',
    as: 'leaver',
    payload: { confirm: 'yes' },
    fields: ['confirm'],
  },
  {
    name: 'inviteMunicipalStaff: email',
    method: 'POST',
    url: () => '/api/invitations/municipal-staff',
    as: demoEmails.foundation,
    payload: { email: 'someone', municipalityCode: '13121', language: 'ja' },
    fields: ['email'],
  },
  {
    name: 'inviteMunicipalStaff: municipality code',
    method: 'POST',
    url: () => '/api/invitations/municipal-staff',
    as: demoEmails.foundation,
    payload: { email: 'a@example.jp', municipalityCode: '27100', language: 'ja' },
    fields: ['municipalityCode'],
  },
  {
    name: 'inviteMunicipalStaff: missing language',
    method: 'POST',
    url: () => '/api/invitations/municipal-staff',
    as: demoEmails.foundation,
    payload: { email: 'a@example.jp', municipalityCode: '13121' },
    fields: ['language'],
  },
  {
    name: 'createAssociation: empty name',
    method: 'POST',
    url: () => '/api/associations',
    as: demoEmails.staffAdachi,
    payload: { municipalityCode: '13121', name: ' ' },
    fields: ['name'],
  },
  {
    name: 'createAssociation: households',
    method: 'POST',
    url: () => '/api/associations',
    as: demoEmails.staffAdachi,
    payload: { municipalityCode: '13121', name: '町会', households: -5 },
    fields: ['households'],
  },
  {
    name: 'createAssociation: municipality code',
    method: 'POST',
    url: () => '/api/associations',
    as: demoEmails.staffAdachi,
    payload: { municipalityCode: 'adachi', name: '町会' },
    fields: ['municipalityCode'],
  },
  {
    name: 'inviteOfficer: association id',
    method: 'POST',
    url: () => '/api/invitations/officers',
    as: demoEmails.staffAdachi,
    payload: { email: 'a@example.jp', associationId: 'senju', language: 'ja' },
    fields: ['associationId'],
  },
  {
    name: 'inviteOfficer: email',
    method: 'POST',
    url: () => '/api/invitations/officers',
    as: demoEmails.staffAdachi,
    payload: { email: 'a@', associationId: '00000000-0000-4000-8000-000000000000', language: 'ja' },
    fields: ['email'],
  },
  {
    name: 'resendInvitation: id',
    method: 'POST',
    url: () => '/api/invitations/not-a-uuid/resend',
    as: demoEmails.staffAdachi,
    payload: undefined,
    fields: ['id'],
  },
  {
    name: 'revokeInvitation: id',
    method: 'POST',
    url: () => '/api/invitations/42/revoke',
    as: demoEmails.staffAdachi,
    payload: undefined,
    fields: ['id'],
  },
  {
    name: 'acceptInvitation: token',
    method: 'POST',
    url: () => '/api/invitations/accept',
    as: null,
    payload: { token: 'short' },
    fields: ['token'],
  },
  {
    name: 'acceptInvitation: password too short',
    method: 'POST',
    url: () => '/api/invitations/accept',
    as: null,
    payload: { token: 'x'.repeat(43), displayName: '名前', password: 'short' },
    fields: ['password'],
  },
];

describe('bad input on every write route', () => {
  it.each(cases)('$name → 400 with fields, nothing written', async (c) => {
    const headers = c.as === null ? {} : c.as === 'leaver' ? leaverHeaders : await as(t, c.as);
    const before = await rowCounts(t);
    const mailsBefore = t.app.mailer.captured.length;
    const volunteerBefore = await t.database.handle.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, await userIdOf(t, demoEmails.volunteer1)));
    const res = await t.app.inject({
      method: c.method,
      url: c.url(),
      headers,
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields!.map((f) => f.field).sort()).toEqual([...c.fields].sort());
    expect(await rowCounts(t)).toEqual(before);
    expect(t.app.mailer.captured.length).toBe(mailsBefore);
    const volunteerAfter = await t.database.handle.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, await userIdOf(t, demoEmails.volunteer1)));
    expect(volunteerAfter).toEqual(volunteerBefore);
  });
});
