import { redirect } from '@sveltejs/kit';
import { isLang } from '#lib/i18n/languages.ts';
import { callApi } from '#lib/server/api.ts';
import { apiFailure, formText } from '#lib/server/form-result.ts';
import { devMailAvailable } from '#lib/server/dev-mail.ts';
import type { Actions, PageServerLoad } from './$types';

/** Someone already signed in has nothing to do here. */
export const load: PageServerLoad = ({ locals }) => {
  if (locals.me) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  /**
   * Signs up a volunteer. The API answers 202 whether or not the address already has an
   * account (and mails its owner instead), so the page always says "check your email".
   */
  default: async (event) => {
    const form = await event.request.formData();
    const language = formText(form, 'language');
    const body = {
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      displayName: formText(form, 'displayName'),
      language: isLang(language) ? language : event.locals.lang,
    };
    const result = await callApi(event, 'POST', '/api/auth/sign-up', body);
    if (!result.ok)
      return apiFailure('signup', result.status, result.error, form, {
        required: ['email', 'password', 'displayName'],
      });
    return { sent: true as const, email: body.email.trim(), devMail: await devMailAvailable(event) };
  },
};
