import type { RoleGrantView } from '@board/shared';

/** Officers and staff (municipal or foundation) have pages under /staff. */
export function hasStaffPages(roles: readonly RoleGrantView[]): boolean {
  return roles.some((g) => g.role === 'officer' || g.role === 'municipal_staff' || g.role === 'foundation_staff');
}

/** Officers write requests for their association: the header offers them "write a new request". */
export function isOfficer(roles: readonly RoleGrantView[]): boolean {
  return roles.some((g) => g.role === 'officer');
}

/** Municipal or foundation staff (their pages are "staff pages"; an officer's are "association pages"). */
export function hasStaffRole(roles: readonly RoleGrantView[]): boolean {
  return roles.some((g) => g.role === 'municipal_staff' || g.role === 'foundation_staff');
}
