/**
 * The form actions of "My page", shared by its parts (/me/profile, /me/skills, /me/availability, /me/calendar):
 * each page exports the ones its forms post to. /me itself only forwards old posts here.
 */
import type { CalendarFeedView, Me, VolunteerProfile } from '@board/shared';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { emptyVolunteerProfile } from '#lib/components/account/profile-fields.ts';
import { isLang } from '#lib/i18n/languages.ts';
import { hoursFromForm, skillsFromForm } from '#lib/profile-skills.ts';
import { callApi } from './api.ts';
import { fetchAllMunicipalities } from './municipalities.ts';
import { apiFailure, formFailure, formList, formSuccess, formText, formValues } from './form-result.ts';
import { requireSignedIn } from './guards.ts';
import { rememberLanguage } from './language-cookie.ts';

/** Full-width digits and hyphens (１２３－４５６) become ASCII; phones on Japanese keyboards type them. */
const halfWidth = (value: string) => value.normalize('NFKC').trim();

/** The account fields of the profile form (/me/profile), as the API takes them. */
function accountBody(form: FormData): Record<string, unknown> {
  const notificationEmail = formText(form, 'notificationEmail').trim();
  const phone = halfWidth(formText(form, 'phone'));
  return {
    displayName: formText(form, 'displayName'),
    language: formText(form, 'language'),
    notificationEmail: notificationEmail === '' ? null : notificationEmail,
    phone: phone === '' ? null : phone,
  };
}

/** Each volunteer form's fields: /me/skills and /me/availability each save their part of the profile. */
const volunteerParts = {
  skills: ['skills', 'interestCategories', 'bio', 'suggestable', 'showThanks'],
  availability: ['municipalityCodes', 'onlineOk', 'availabilitySlots', 'availability', 'hoursPerMonth', 'languages'],
} as const satisfies Record<string, readonly (keyof VolunteerProfile)[]>;

/**
 * The volunteer profile to send (a full replacement): the fields of the part the form holds, as
 * typed (the API checks every value against VolunteerProfile), the rest as saved. A form from
 * before the split names no part and holds them all.
 */
function volunteerBody(form: FormData, saved: VolunteerProfile | null) {
  const typed = {
    skills: skillsFromForm(form.entries()),
    interestCategories: formList(form, 'interestCategories'),
    municipalityCodes: formList(form, 'municipalityCodes'),
    availability: formText(form, 'availability'),
    availabilitySlots: formList(form, 'availabilitySlots'),
    languages: formList(form, 'languages'),
    onlineOk: form.has('onlineOk'),
    hoursPerMonth: hoursFromForm(formText(form, 'hoursPerMonth')),
    suggestable: form.has('suggestable'),
    bio: formText(form, 'bio'),
    showThanks: form.has('showThanks'),
  };
  const part = formText(form, 'part');
  if (part !== 'skills' && part !== 'availability') return typed;
  const kept = Object.fromEntries(volunteerParts[part].map((name) => [name, typed[name]]));
  return { ...(saved ?? emptyVolunteerProfile), ...kept };
}

/**
 * PATCH /api/me: the account fields when the form has them (/me/profile), the volunteer profile
 * when it has those and the person is a volunteer (/me/skills, /me/availability). A form from before the split
 * carries both, and both are saved.
 */
export async function saveProfile(event: RequestEvent) {
  const me = requireSignedIn(event.locals, event.url);
  const form = await event.request.formData();
  const values = formValues(form);
  const body: Record<string, unknown> = form.has('displayName') ? accountBody(form) : {};
  if (form.has('volunteer') && me.roles.some((g) => g.role === 'volunteer'))
    body.volunteerProfile = volunteerBody(form, me.volunteerProfile);
  const result = await callApi<Me>(event, 'PATCH', '/api/me', body);
  if (!result.ok) {
    return apiFailure('profile', result.status, result.error, values, { prefixes: ['volunteerProfile'] });
  }
  // the page (and the header) show the saved state in this very response
  event.locals.me = result.data;
  const language = body.language;
  if (isLang(language) && language !== event.locals.lang) {
    // the interface follows the chosen language: a fresh page load renders all of it (and
    // <html lang>) in the new one
    rememberLanguage(event.cookies, language, event.url.protocol === 'https:');
    redirect(303, `${event.url.pathname}?saved=profile`);
  }
  return formSuccess('profile');
}

/**
 * A change to the account that the current password confirms (/me/profile's password and address
 * forms): the fields it needs are refused when empty, each with its own code, before the API is
 * asked; a wrong password is the password field's problem.
 */
async function passwordConfirmed(
  event: RequestEvent,
  submitted: FormData,
  change: {
    form: 'password' | 'email';
    path: string;
    /** the API's body: the form's fields by the same names */
    body: Record<string, string>;
    /** the code of each field when it is left empty */
    required: Record<string, string>;
    /** the field that holds the current password */
    password: string;
    detail?: Record<string, string>;
  },
) {
  const values = formValues(submitted);
  const missing = Object.fromEntries(Object.entries(change.required).filter(([name]) => !change.body[name]));
  if (Object.keys(missing).length > 0) return formFailure(change.form, 400, 'VALIDATION_FAILED', missing, values);
  const result = await callApi(event, 'POST', change.path, change.body);
  if (!result.ok) {
    if (result.error.code === 'PASSWORD_INCORRECT') {
      return formFailure(
        change.form,
        result.status,
        'VALIDATION_FAILED',
        { [change.password]: 'PASSWORD_INCORRECT' },
        values,
      );
    }
    return apiFailure(change.form, result.status, result.error, values);
  }
  return formSuccess(change.form, change.detail);
}

/** POST /api/me/password: the current password and a new one. */
export async function changePassword(event: RequestEvent) {
  requireSignedIn(event.locals, event.url);
  const form = await event.request.formData();
  return passwordConfirmed(event, form, {
    form: 'password',
    path: '/api/me/password',
    body: { currentPassword: formText(form, 'currentPassword'), newPassword: formText(form, 'newPassword') },
    required: { currentPassword: 'PASSWORD_REQUIRED', newPassword: 'PASSWORD_REQUIRED' },
    password: 'currentPassword',
  });
}

/** POST /api/me/email: a link goes to the new address; the change happens when it is opened. */
export async function changeEmail(event: RequestEvent) {
  requireSignedIn(event.locals, event.url);
  const form = await event.request.formData();
  const newEmail = formText(form, 'newEmail').trim();
  return passwordConfirmed(event, form, {
    form: 'email',
    path: '/api/me/email',
    body: { newEmail, password: formText(form, 'password') },
    required: { newEmail: 'EMAIL_REQUIRED', password: 'PASSWORD_REQUIRED' },
    password: 'password',
    detail: { newEmail },
  });
}

/** POST /api/me/calendar-feed: a new calendar address, shown in this answer only (the old one stops). */
export async function makeCalendarFeed(event: RequestEvent) {
  requireSignedIn(event.locals, event.url);
  const result = await callApi<CalendarFeedView>(event, 'POST', '/api/me/calendar-feed');
  if (!result.ok) return apiFailure('calendarFeed', result.status, result.error, {});
  return formSuccess('calendarFeed', { url: result.data.url ?? '' });
}

/** DELETE /api/me/calendar-feed: the address stops working. */
export async function revokeCalendarFeed(event: RequestEvent) {
  requireSignedIn(event.locals, event.url);
  const result = await callApi<CalendarFeedView>(event, 'DELETE', '/api/me/calendar-feed');
  if (!result.ok) return apiFailure('revokeCalendarFeed', result.status, result.error, {});
  return formSuccess('revokeCalendarFeed');
}

/** /me/skills and /me/availability: the volunteer's own profile; someone who is no volunteer goes back to /me. */
export async function loadVolunteerPart(event: RequestEvent) {
  const me = requireSignedIn(event.locals, event.url);
  if (!me.roles.some((grant) => grant.role === 'volunteer')) redirect(303, '/me');
  return { me, municipalities: await fetchAllMunicipalities(event) };
}

/** Where each action of the old single /me page lives now (a 307 keeps the method and the form). */
export const movedMeActions = {
  profile: '/me/profile?/profile',
  password: '/me/profile?/password',
  email: '/me/profile?/email',
  calendarFeed: '/me/calendar?/calendarFeed',
  revokeCalendarFeed: '/me/calendar?/revokeCalendarFeed',
} as const;
