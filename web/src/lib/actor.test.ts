import type { Me } from '@board/shared';
import { can, canAtAll } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { actorOf, municipalitiesWhere, staffAreaRoles, wearsAny } from './actor.ts';

const me = (roles: Me['roles']): Me => ({
  id: 'u1',
  email: 'a@example.jp',
  emailVerified: true,
  hasPassword: true,
  displayName: 'A',
  language: 'ja',
  notificationEmail: null,
  phone: null,
  roles,
  volunteerProfile: null,
});
const grant = (
  role: Me['roles'][number]['role'],
  municipalityCode: string | null = null,
  associationId: string | null = null,
) => ({
  role,
  municipalityCode,
  municipalityName: null,
  associationId,
  associationName: null,
});

describe('actorOf', () => {
  it('is the same actor the server checks, so the pages show what the API allows', () => {
    const staff = actorOf(me([grant('municipal_staff', '13121')]));
    expect(staff).toEqual({
      userId: 'u1',
      roles: [{ role: 'municipal_staff', municipalityCode: '13121', associationId: null }],
    });
    expect(can(staff, 'association.create', { municipalityCode: '13121' })).toBe(true);
    expect(can(staff, 'association.create', { municipalityCode: '13104' })).toBe(false);
    expect(canAtAll(staff, 'municipalStaff.invite')).toBe(false);
    expect(canAtAll(actorOf(me([grant('foundation_staff')])), 'municipalStaff.invite')).toBe(true);
    expect(actorOf(null)).toBeNull();
  });

  it('tells who opens the staff area, and where someone is staff', () => {
    expect(wearsAny(me([grant('volunteer')]), staffAreaRoles)).toBe(false);
    expect(wearsAny(me([grant('volunteer'), grant('officer', '13104', 'a1')]), staffAreaRoles)).toBe(true);
    expect(wearsAny(null, staffAreaRoles)).toBe(false);
    expect(
      municipalitiesWhere(
        me([grant('municipal_staff', '13121'), grant('officer', '13104', 'a1'), grant('municipal_staff', '13121')]),
        'municipal_staff',
      ),
    ).toEqual(['13121']);
  });
});
