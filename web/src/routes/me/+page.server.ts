import type { CalendarFeedView, Me, RecommendedRequestsList } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { isLang, LANG_COOKIE, LANG_COOKIE_MAX_AGE } from '#lib/i18n/languages.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { hoursFromForm, skillsFromForm } from '#lib/profile-skills.ts';
import { apiFailure, formFailure, formList, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireSignedIn(event.locals, event.url);
  event.setHeaders({ 'cache-control': 'no-store' });
  const isVolunteer = me.roles.some((grant) => grant.role === 'volunteer');
  // the top few suggestions (issue 10); the page does without them if the API cannot answer
  const recommended = isVolunteer
    ? await callApi<RecommendedRequestsList>(event, 'GET', '/api/me/recommended-requests?limit=3')
    : null;
  // the calendar feed's state (issue 11); the section does without it if the API cannot answer
  const calendarFeed = await callApi<CalendarFeedView>(event, 'GET', '/api/me/calendar-feed');
  return {
    me,
    isVolunteer,
    calendarFeed: calendarFeed.ok ? calendarFeed.data : null,
    recommended: recommended?.ok ? recommended.data.items : null,
    municipalities: await fetchAllMunicipalities(event),
    /** back from a save that changed the language (a redirect, so the whole page is in it) */
    savedProfile: event.url.searchParams.get('saved') === 'profile',
  };
};

/** Full-width digits and hyphens (１２３－４５６) become ASCII; phones on Japanese keyboards type them. */
const halfWidth = (value: string) => value.normalize('NFKC').trim();

export const actions: Actions = {
  /** PATCH /api/me: account fields, and the volunteer profile when the person is a volunteer. */
  profile: async (event) => {
    const me = requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const language = formText(form, 'language');
    const notificationEmail = formText(form, 'notificationEmail').trim();
    const phone = halfWidth(formText(form, 'phone'));
    const body: Record<string, unknown> = {
      displayName: formText(form, 'displayName'),
      language,
      notificationEmail: notificationEmail === '' ? null : notificationEmail,
      phone: phone === '' ? null : phone,
    };
    if (form.has('volunteer') && me.roles.some((g) => g.role === 'volunteer')) {
      // sent as typed: the API checks every value against VolunteerProfile (shared/src/accounts.ts)
      body.volunteerProfile = {
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
    }
    const result = await callApi<Me>(event, 'PATCH', '/api/me', body);
    if (!result.ok) {
      return apiFailure('profile', result.status, result.error, values, { prefixes: ['volunteerProfile'] });
    }
    // the page (and the header) show the saved state in this very response
    event.locals.me = result.data;
    if (isLang(language) && language !== event.locals.lang) {
      // the interface follows the chosen language: a fresh page load renders all of it (and
      // <html lang>) in the new one
      event.cookies.set(LANG_COOKIE, language, {
        path: '/',
        maxAge: LANG_COOKIE_MAX_AGE,
        sameSite: 'lax',
        httpOnly: true,
        secure: event.url.protocol === 'https:',
      });
      redirect(303, '/me?saved=profile');
    }
    return formSuccess('profile');
  },

  /** POST /api/me/password: the current password and a new one. */
  password: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const currentPassword = formText(form, 'currentPassword');
    const newPassword = formText(form, 'newPassword');
    const missing: Record<string, string> = {};
    if (!currentPassword) missing.currentPassword = 'PASSWORD_REQUIRED';
    if (!newPassword) missing.newPassword = 'PASSWORD_REQUIRED';
    if (Object.keys(missing).length > 0) return formFailure('password', 400, 'VALIDATION_FAILED', missing, values);
    const result = await callApi(event, 'POST', '/api/me/password', { currentPassword, newPassword });
    if (!result.ok) {
      if (result.error.code === 'PASSWORD_INCORRECT') {
        return formFailure(
          'password',
          result.status,
          'VALIDATION_FAILED',
          { currentPassword: 'PASSWORD_INCORRECT' },
          values,
        );
      }
      return apiFailure('password', result.status, result.error, values);
    }
    return formSuccess('password');
  },

  /** POST /api/me/email: a link goes to the new address; the change happens when it is opened. */
  email: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const newEmail = formText(form, 'newEmail').trim();
    const password = formText(form, 'password');
    const missing: Record<string, string> = {};
    if (!newEmail) missing.newEmail = 'EMAIL_REQUIRED';
    if (!password) missing.password = 'PASSWORD_REQUIRED';
    if (Object.keys(missing).length > 0) return formFailure('email', 400, 'VALIDATION_FAILED', missing, values);
    const result = await callApi(event, 'POST', '/api/me/email', { newEmail, password });
    if (!result.ok) {
      if (result.error.code === 'PASSWORD_INCORRECT') {
        return formFailure('email', result.status, 'VALIDATION_FAILED', { password: 'PASSWORD_INCORRECT' }, values);
      }
      return apiFailure('email', result.status, result.error, values);
    }
    return formSuccess('email', { newEmail });
  },

  /** POST /api/me/calendar-feed: a new calendar address, shown in this answer only (the old one stops). */
  calendarFeed: async (event) => {
    requireSignedIn(event.locals, event.url);
    const result = await callApi<CalendarFeedView>(event, 'POST', '/api/me/calendar-feed');
    if (!result.ok) return apiFailure('calendarFeed', result.status, result.error, {});
    return formSuccess('calendarFeed', { url: result.data.url ?? '' });
  },

  /** DELETE /api/me/calendar-feed: the address stops working. */
  revokeCalendarFeed: async (event) => {
    requireSignedIn(event.locals, event.url);
    const result = await callApi<CalendarFeedView>(event, 'DELETE', '/api/me/calendar-feed');
    if (!result.ok) return apiFailure('revokeCalendarFeed', result.status, result.error, {});
    return formSuccess('revokeCalendarFeed');
  },
};
