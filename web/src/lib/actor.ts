import type { Actor, Me, Role } from '@board/shared';

/**
 * The person as the permissions table sees them (shared/src/permissions.ts), built from the
 * signed-in `Me`: the same hats the server checks, so pages show exactly the buttons the API allows.
 */
export function actorOf(me: Me | null | undefined): Actor | null {
  if (!me) return null;
  return {
    userId: me.id,
    roles: me.roles.map(({ role, municipalityCode, associationId }) => ({ role, municipalityCode, associationId })),
  };
}

/** Hats that open the staff area (/staff): officers, municipal staff and foundation staff. */
export const staffAreaRoles: readonly Role[] = ['officer', 'municipal_staff', 'foundation_staff'];

export function wearsAny(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(me?.roles.some((grant) => roles.includes(grant.role)));
}

/** Municipality codes where the person wears this hat, in the order they were given. */
export function municipalitiesWhere(me: Me | null | undefined, role: Role): string[] {
  const codes = (me?.roles ?? []).flatMap((g) => (g.role === role && g.municipalityCode ? [g.municipalityCode] : []));
  return [...new Set(codes)];
}
