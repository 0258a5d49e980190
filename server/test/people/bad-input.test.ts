import { schema } from '@board/db';
import { ErrorBody } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { createOfficerInvitation } from '../kit/invitations.ts';
import { as, bearer, createPerson, demoEmails, userIdOf, volunteerProfileInput } from '../kit/people.ts';
import { rowCounts } from '../kit/rows.ts';
import { answer } from '../kit/http.ts';

/** Every write route of the people modules: bad input is 400 naming the fields, and nothing is written or mailed. */

const t = useApiApp();
let leaverHeaders: Record<string, string>;
beforeAll(async () => {
  await createOfficerInvitation(t);
  const leaver = await createPerson(t, {
    password: 'a long enough password',
    roles: [{ role: 'volunteer', municipalityCode: null, associationId: null }],
  });
  leaverHeaders = await bearer(t, leaver.id);
});

const okProfile = volunteerProfileInput();

interface BadCase {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  as: string | 'leaver' | null;
  payload: unknown;
  fields: string[];
}

/** The bad-input cases of one route: [what is wrong, payload, the fields the answer names]. */
function routeCases(
  name: string,
  method: BadCase['method'],
  url: string,
  as: BadCase['as'],
  cases: [what: string, payload: unknown, fields: string[]][],
): BadCase[] {
  return cases.map(([what, payload, fields]) => ({ name: `${name}: ${what}`, method, url, as, payload, fields }));
}

const cases: BadCase[] = [
  ...routeCases('updateMe', 'PATCH', '/api/me', demoEmails.volunteer1, [
    ['empty name', { displayName: '   ' }, ['displayName']],
    ['name too long', { displayName: 'あ'.repeat(61) }, ['displayName']],
    ['language', { language: 'fr' }, ['language']],
    [
      'phone and notification email',
      { phone: 'call me', notificationEmail: 'nope', displayName: '有効な名前' },
      ['notificationEmail', 'phone'],
    ],
    [
      'skill not a category',
      { volunteerProfile: { ...okProfile, interestCategories: ['cooking'] } },
      ['volunteerProfile.interestCategories.0'],
    ],
    [
      'municipality code format',
      { volunteerProfile: { ...okProfile, municipalityCodes: ['99999'] } },
      ['volunteerProfile.municipalityCodes.0'],
    ],
    [
      'profile incomplete',
      { volunteerProfile: { interestCategories: [] } },
      [
        'volunteerProfile.municipalityCodes',
        'volunteerProfile.availability',
        'volunteerProfile.languages',
        'volunteerProfile.onlineOk',
        'volunteerProfile.bio',
        'volunteerProfile.showThanks',
      ],
    ],
    ['bio too long', { volunteerProfile: { ...okProfile, bio: 'x'.repeat(1001) } }, ['volunteerProfile.bio']],
  ]),
  ...routeCases('deleteMe', 'DELETE', '/api/me', 'leaver', [
    ['empty password', { password: '' }, ['password']],
    ['confirm is not DELETE', { confirm: 'yes' }, ['confirm']],
  ]),
  ...routeCases('inviteMunicipalStaff', 'POST', '/api/invitations/municipal-staff', demoEmails.foundation, [
    ['email', { email: 'someone', municipalityCode: '13121', language: 'ja' }, ['email']],
    ['municipality code', { email: 'a@example.jp', municipalityCode: '27100', language: 'ja' }, ['municipalityCode']],
    ['missing language', { email: 'a@example.jp', municipalityCode: '13121' }, ['language']],
  ]),
  ...routeCases('createAssociation', 'POST', '/api/associations', demoEmails.staffAdachi, [
    ['empty name', { municipalityCode: '13121', name: ' ' }, ['name']],
    ['households', { municipalityCode: '13121', name: '町会', households: -5 }, ['households']],
    ['municipality code', { municipalityCode: 'adachi', name: '町会' }, ['municipalityCode']],
  ]),
  ...routeCases('inviteOfficer', 'POST', '/api/invitations/officers', demoEmails.staffAdachi, [
    ['association id', { email: 'a@example.jp', associationId: 'senju', language: 'ja' }, ['associationId']],
    ['email', { email: 'a@', associationId: '00000000-0000-4000-8000-000000000000', language: 'ja' }, ['email']],
  ]),
  ...routeCases('resendInvitation', 'POST', '/api/invitations/not-a-uuid/resend', demoEmails.staffAdachi, [
    ['id', undefined, ['id']],
  ]),
  ...routeCases('revokeInvitation', 'POST', '/api/invitations/42/revoke', demoEmails.staffAdachi, [
    ['id', undefined, ['id']],
  ]),
  ...routeCases('acceptInvitation', 'POST', '/api/invitations/accept', null, [
    ['token', { token: 'short' }, ['token']],
    ['password too short', { token: 'x'.repeat(43), displayName: '名前', password: 'short' }, ['password']],
  ]),
];

/** The demo volunteer's account row, which no refused profile change may touch. */
const volunteerRow = async () =>
  t.database.handle.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.id, await userIdOf(t, demoEmails.volunteer1)));

describe('bad input on every write route', () => {
  it.each(cases)('$name → 400 with fields, nothing written', async (c) => {
    const headers = c.as === null ? {} : c.as === 'leaver' ? leaverHeaders : await as(t, c.as);
    const before = await rowCounts(t);
    const mailsBefore = t.mail.length;
    const volunteerBefore = await volunteerRow();
    const res = await t.app.inject({
      method: c.method,
      url: c.url,
      headers,
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
    const body = answer(res, 400, ErrorBody);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields!.map((f) => f.field).sort()).toEqual([...c.fields].sort());
    expect(await rowCounts(t)).toEqual(before);
    expect(t.mail.length).toBe(mailsBefore);
    const volunteerAfter = await volunteerRow();
    expect(volunteerAfter).toEqual(volunteerBefore);
  });
});
