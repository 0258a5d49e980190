import { AsyncLocalStorage } from 'node:async_hooks';
import { messagesFor, type MessageKey } from '#lib/i18n/catalogue.ts';
import type { Lang } from '#lib/i18n/languages.ts';

/**
 * What an error code means travels with the answer that names it. A page's messages
 * (page-messages.ts) leave out the texts of every API error code and field problem
 * (`errors.code.*`, `errors.field.*`: 128 texts, a sixth of the board's HTML), since a page shows
 * at most the few one refusal carries; a failed form action (form-result.ts) or a load that
 * reports a problem sends those few along as `errorMessages`, and the root layout adds them to
 * the page's translator, on the server and in the browser alike.
 */

/** The language of the page being answered (hooks.server.ts runs each request inside it). */
const answering = new AsyncLocalStorage<Lang>();

export function answerIn<T>(lang: Lang, work: () => T): T {
  return answering.run(lang, work);
}

type ErrorMessages = Partial<Record<MessageKey, string>>;

/**
 * The texts (message sources) for a problem's code and its fields' codes, in the language of the
 * request being answered; none outside a request. A code without a text of its own is said by the
 * generic ones the page always has (`errors.code.INTERNAL`, `errors.field.unknown`: errors.ts).
 */
export function errorMessagesFor(problem: {
  code?: string | null | undefined;
  fields?: Record<string, string> | null | undefined;
}): ErrorMessages {
  const lang = answering.getStore();
  if (!lang) return {};
  const all = messagesFor(lang) as Record<string, string>;
  const keys = [
    ...(problem.code ? [`errors.code.${problem.code}`] : []),
    ...Object.values(problem.fields ?? {}).map((code) => `errors.field.${code}`),
  ];
  return Object.fromEntries(keys.filter((key) => key in all).map((key) => [key, all[key]!]));
}
