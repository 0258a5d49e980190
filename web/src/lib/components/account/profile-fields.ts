import type { VolunteerProfile } from '@board/shared';
import { declareFields, type FormView } from '#lib/forms/fields.ts';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

/**
 * The two profile forms, in page order (the error summary follows it); both answer under the
 * name `profile`, so ids are `profile-<name>`. The account part is on /me/profile.
 */
export const accountFields = declareFields([
  { name: 'displayName', label: 'account.profile.displayName', hint: 'account.profile.displayNameHint', kind: 'text' },
  { name: 'language', label: 'account.profile.language', hint: 'account.profile.languageHint', kind: 'radio' },
  // its hint names the sign-in address, so the form passes it
  { name: 'notificationEmail', label: 'account.profile.notificationEmail', kind: 'email' },
  { name: 'phone', label: 'account.profile.phone', hint: 'account.profile.phoneHint', kind: 'tel' },
]);

/** The volunteer profile on /me/skills (skills, about me) and /me/availability (where, when, languages). */
export const volunteerFields = declareFields([
  { name: 'skills', label: 'account.volunteer.skills', hint: 'account.volunteer.skillsHint', kind: 'checkboxes' },
  {
    name: 'interestCategories',
    label: 'account.volunteer.interests',
    hint: 'account.volunteer.interestsHint',
    kind: 'checkboxes',
  },
  {
    name: 'municipalityCodes',
    label: 'account.volunteer.municipalities',
    hint: 'account.volunteer.municipalitiesHint',
    kind: 'checkboxes',
  },
  { name: 'onlineOk', label: 'account.volunteer.onlineOk', kind: 'checkbox' },
  {
    name: 'availabilitySlots',
    label: 'account.volunteer.availabilitySlots',
    hint: 'account.volunteer.availabilitySlotsHint',
    kind: 'checkboxes',
  },
  { name: 'availability', label: 'account.volunteer.availability', kind: 'textarea' },
  {
    name: 'hoursPerMonth',
    label: 'account.volunteer.hoursPerMonth',
    hint: 'account.volunteer.hoursPerMonthHint',
    kind: 'text',
  },
  { name: 'languages', label: 'account.volunteer.languages', kind: 'checkboxes' },
  { name: 'bio', label: 'account.volunteer.bio', kind: 'textarea' },
  {
    name: 'suggestable',
    label: 'account.volunteer.suggestable',
    hint: 'account.volunteer.suggestableHint',
    kind: 'checkbox',
  },
  {
    name: 'showThanks',
    label: 'account.volunteer.showThanks',
    hint: 'account.volunteer.showThanksHint',
    kind: 'checkbox',
  },
]);

export type VolunteerView = FormView<(typeof volunteerFields)[number]['name']>;

/** A volunteer's profile before they first save it. */
export const emptyVolunteerProfile: VolunteerProfile = {
  skills: [],
  interestCategories: [],
  municipalityCodes: [],
  availability: '',
  availabilitySlots: [],
  languages: ['ja'],
  onlineOk: false,
  hoursPerMonth: null,
  suggestable: false,
  bio: '',
  showThanks: false,
};

/** The two pages of the volunteer profile, each saving its part (see the `part` field). */
export type VolunteerPart = 'skills' | 'availability';
export const volunteerPartPath: Record<VolunteerPart, string> = {
  skills: '/me/skills',
  availability: '/me/availability',
};

/**
 * What a volunteer has not filled in yet (the profile-completeness hint on /me/skills and
 * /me/availability, and the "needs attention" list on /me): each gap names its page and the
 * control to jump to (`#<anchor>`).
 */
export function profileGaps(profile: VolunteerProfile): { part: VolunteerPart; anchor: string; key: MessageKey }[] {
  const gaps: { part: VolunteerPart; anchor: string; key: MessageKey }[] = [];
  if (profile.skills.length === 0)
    gaps.push({ part: 'skills', anchor: 'profile-skills', key: 'account.volunteer.skills' });
  if (profile.municipalityCodes.length === 0)
    gaps.push({ part: 'availability', anchor: 'profile-municipalityCodes', key: 'account.volunteer.municipalities' });
  if (profile.availabilitySlots.length === 0 && !profile.availability)
    gaps.push({
      part: 'availability',
      anchor: 'profile-availabilitySlots',
      key: 'account.volunteer.availabilitySlots',
    });
  if (!profile.bio) gaps.push({ part: 'skills', anchor: 'profile-bio', key: 'account.volunteer.bio' });
  return gaps;
}
