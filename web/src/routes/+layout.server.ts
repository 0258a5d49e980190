import { messagesFor } from '#lib/i18n/catalogue.ts';
import type { LayoutServerLoad } from './$types';

/** The language resolved in hooks.server.ts, and only that language's messages for the browser. */
export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  messages: messagesFor(locals.lang),
  me: locals.me,
  furigana: locals.furigana,
  textSize: locals.textSize,
});
