import type { Database } from '@board/db';
import {
  Category,
  DomainError,
  isSkillKey,
  roles,
  AvailabilitySlot,
  type Me,
  type RoleGrantView,
  type VolunteerProfile,
} from '@board/shared';
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
  const skills = profile ? await ownViewRepository.volunteerSkills(tx, userId) : [];

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
    volunteerProfile: profile ? profileView(profile, skills) : null,
  };
}

/**
 * The stored profile as the API shows it. Values the vocabulary or the enums no longer know
 * (a skill removed from it) are left out rather than failing the read.
 */
function profileView(
  profile: Omit<VolunteerProfile, 'skills' | 'interestCategories' | 'availabilitySlots'> & {
    interestCategories: string[];
    availabilitySlots: string[];
  },
  skills: { key: string; level: VolunteerProfile['skills'][number]['level'] }[],
): VolunteerProfile {
  return {
    ...profile,
    skills: skills.flatMap((s) => (isSkillKey(s.key) ? [{ key: s.key, level: s.level }] : [])),
    interestCategories: profile.interestCategories.filter((c) => Category.safeParse(c).success) as Category[],
    availabilitySlots: profile.availabilitySlots.filter(
      (s) => AvailabilitySlot.safeParse(s).success,
    ) as AvailabilitySlot[],
  };
}
