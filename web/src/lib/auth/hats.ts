import type { RoleGrantView } from '@board/shared';
import type { Translator } from '#lib/i18n/translator.ts';

/**
 * The "hats" a person wears, as short translated phrases for the header: volunteer, officer of
 * 〇〇町会, staff of 〇〇区, foundation staff. Foundation first, volunteer last; no duplicates.
 */
export function hatLabels(i18n: Pick<Translator, 't'>, roles: readonly RoleGrantView[]): string[] {
  const order = { foundation_staff: 0, municipal_staff: 1, officer: 2, volunteer: 3 } as const;
  const labels = [...roles]
    .sort((a, b) => order[a.role] - order[b.role])
    .map((grant) => {
      switch (grant.role) {
        case 'foundation_staff':
          return i18n.t('auth.hat.foundationStaff');
        case 'municipal_staff':
          return grant.municipalityName
            ? i18n.t('auth.hat.municipalStaff', { municipality: grant.municipalityName })
            : i18n.t('auth.hat.municipalStaffAny');
        case 'officer':
          return grant.associationName
            ? i18n.t('auth.hat.officer', { association: grant.associationName })
            : i18n.t('auth.hat.officerAny');
        case 'volunteer':
          return i18n.t('auth.hat.volunteer');
      }
    });
  return [...new Set(labels)];
}

/** Officers and staff (municipal or foundation) have pages under /staff. */
export function hasStaffPages(roles: readonly RoleGrantView[]): boolean {
  return roles.some((g) => g.role === 'officer' || g.role === 'municipal_staff' || g.role === 'foundation_staff');
}
