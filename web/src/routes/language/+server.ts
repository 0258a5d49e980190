import { redirect } from '@sveltejs/kit';
import { isLang } from '#lib/i18n/languages.ts';
import { rememberLanguage } from '#lib/server/language-cookie.ts';
import { safeReturnPath } from '#lib/navigation/return-path.ts';
import type { RequestHandler } from './$types';

/**
 * The language switcher's target (a plain HTML form, so it works without JavaScript):
 * remembers the choice in the `lang` cookie for a year, then 303s back to the page the
 * person was on. An unknown language changes nothing; an unsafe return path becomes `/`.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const form = await request.formData().catch(() => undefined);
  const lang = form?.get('lang');

  if (isLang(lang)) rememberLanguage(cookies, lang, url.protocol === 'https:');

  redirect(303, safeReturnPath(form?.get('returnTo'), ['/language']));
};

/** Nothing to show here (a bookmarked or prefetched URL): go to the home page, change nothing. */
export const GET: RequestHandler = () => redirect(303, '/');
