import { redirect } from '@sveltejs/kit';
import { LANG_COOKIE_MAX_AGE } from '#lib/i18n/languages.ts';
import { safeReturnPath } from '#lib/navigation/return-path.ts';
import { FURIGANA_COOKIE, isTextSize, TEXT_SIZE_COOKIE } from '#lib/reading-comfort.ts';
import type { RequestHandler } from './$types';

/**
 * The reading-comfort form's target (plain HTML, works without JavaScript): remembers furigana
 * on or off and the text size for a year, then 303s back to the page the person was on. A value
 * it does not know changes nothing.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const form = await request.formData().catch(() => undefined);
  const options = { path: '/', maxAge: LANG_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: true } as const;
  const secure = url.protocol === 'https:';
  const furigana = form?.get('furigana');
  if (furigana === 'on' || furigana === 'off') cookies.set(FURIGANA_COOKIE, furigana, { ...options, secure });
  const size = form?.get('textSize');
  if (isTextSize(size)) cookies.set(TEXT_SIZE_COOKIE, size, { ...options, secure });
  redirect(303, safeReturnPath(form?.get('returnTo'), ['/reading']));
};

/** Nothing to show here: go to the home page, change nothing. */
export const GET: RequestHandler = () => redirect(303, '/');
