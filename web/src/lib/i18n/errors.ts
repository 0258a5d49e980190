import type { MessageKey } from './catalogue.ts';
import type { Translator } from './translator.ts';

/** Which message says what an API error code means (`errors.code.<CODE>`), falling back to a generic one. */
export function errorMessage(i18n: Pick<Translator, 't'>, code: string): string {
  const key = `errors.code.${code}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? i18n.t('errors.code.INTERNAL') : text;
}

/** The message for one field's problem code (`errors.field.<code>`), e.g. `PASSWORD_TOO_SHORT` or zod's `too_small`. */
export function fieldMessage(i18n: Pick<Translator, 't'>, code: string): string {
  const key = `errors.field.${code}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? i18n.t('errors.field.unknown') : text;
}
