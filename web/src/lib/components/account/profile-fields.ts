import { declareFields, type FormView } from '#lib/forms/fields.ts';

/** The profile form on /me, in page order (the error summary follows it); ids are `profile-<name>`. */
export const profileFields = declareFields([
  { name: 'displayName', label: 'account.profile.displayName', hint: 'account.profile.displayNameHint', kind: 'text' },
  { name: 'language', label: 'account.profile.language', hint: 'account.profile.languageHint', kind: 'radio' },
  // its hint names the sign-in address, so the form passes it
  { name: 'notificationEmail', label: 'account.profile.notificationEmail', kind: 'email' },
  { name: 'phone', label: 'account.profile.phone', hint: 'account.profile.phoneHint', kind: 'tel' },
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

export type ProfileView = FormView<(typeof profileFields)[number]['name']>;
