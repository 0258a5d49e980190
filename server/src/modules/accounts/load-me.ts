import type { Database } from '@board/db';
import { DomainError, roles, type Me, type RoleGrantView, type VolunteerProfile } from '@board/shared';
import { ownViewRepository } from './own-view-repository.ts';
import { rolesRepository } from './roles-repository.ts';

/** Sorts hats the way pages list them: volunteer, officer, municipal staff, foundation staff. */
function byRole(a: RoleGrantView, b: RoleGrantView): number {
  return roles.indexOf(a.role) - roles.indexOf(b.role);
}

/**
 * The signed-in person as the API shows them to themselves: account fields, every hat they wear
 * (with the municipality's and association's names) and their volunteer profile.
 *
 * `tx` must be able to read the person's role assignments: a transaction `asActor`
 * that person (row-level security lets everyone read their own), or system access. Throws
 * UNAUTHENTICATED when the account does not exist or was deleted.
 */
export async function loadMe(tx: Database, userId: string): Promise<Me> {
  const user = await ownViewRepository.account(tx, userId);
  if (!user || user.email === null) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');

  const grants = (await rolesRepository.grantsWithNames(tx, userId)).map(({ since: _since, ...grant }) => grant);

  const profile = await ownViewRepository.volunteerProfile(tx, userId);

  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.hasPassword,
    displayName: user.displayName,
    language: user.language,
    notificationEmail: user.notificationEmail,
    phone: user.phone,
    roles: [...grants].sort(byRole),
    volunteerProfile: profile ? { ...profile, skills: profile.skills as VolunteerProfile['skills'] } : null,
  };
}
