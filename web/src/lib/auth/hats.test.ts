import type { RoleGrantView } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { hasStaffPages, hatLabels } from './hats.ts';

const grant = (g: Partial<RoleGrantView> & Pick<RoleGrantView, 'role'>): RoleGrantView => ({
  municipalityCode: null,
  municipalityName: null,
  associationId: null,
  associationName: null,
  ...g,
});

const ja = createTranslator('ja', messagesFor('ja'));
const en = createTranslator('en', messagesFor('en'));

describe('hatLabels', () => {
  const roles = [
    grant({ role: 'volunteer' }),
    grant({ role: 'officer', associationId: 'a', associationName: '大久保二丁目町会', municipalityCode: '13104' }),
    grant({ role: 'municipal_staff', municipalityCode: '13121', municipalityName: '足立区' }),
    grant({ role: 'foundation_staff' }),
  ];

  it('names each hat with its place, foundation first and volunteer last', () => {
    expect(hatLabels(ja, roles)).toEqual([
      '財団職員',
      '足立区の職員',
      '大久保二丁目町会の役員',
      '腕きき（ボランティア）',
    ]);
    expect(hatLabels(en, roles)).toEqual([
      'Foundation staff',
      'Staff, 足立区',
      'Officer, 大久保二丁目町会',
      'Volunteer (udekiki)',
    ]);
  });

  it('falls back to a general name when the place is unknown, and drops duplicates', () => {
    expect(
      hatLabels(ja, [grant({ role: 'officer' }), grant({ role: 'municipal_staff' }), grant({ role: 'officer' })]),
    ).toEqual(['区市町村の職員', '町会・自治会の役員']);
  });

  it('is empty for no roles', () => {
    expect(hatLabels(ja, [])).toEqual([]);
  });
});

describe('hasStaffPages', () => {
  it('is true for officers and staff, false for volunteers only', () => {
    expect(hasStaffPages([grant({ role: 'volunteer' })])).toBe(false);
    expect(hasStaffPages([grant({ role: 'volunteer' }), grant({ role: 'officer' })])).toBe(true);
    expect(hasStaffPages([grant({ role: 'municipal_staff' })])).toBe(true);
    expect(hasStaffPages([grant({ role: 'foundation_staff' })])).toBe(true);
    expect(hasStaffPages([])).toBe(false);
  });
});
