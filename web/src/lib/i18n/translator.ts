import type { MessageKey, Messages } from './catalogue.ts';
import { compileMessage, type CompiledMessage, type MessageValues } from './icu.ts';
import { htmlLang, type Lang } from './languages.ts';

export type { MessageValues };

export interface Translator {
  readonly lang: Lang;
  /** Formats the message `key` of the current language (ICU MessageFormat, see icu.ts). */
  t(key: MessageKey, values?: MessageValues): string;
}

/**
 * A translator over one language's messages. Parsed formats are cached per key, so calling
 * `t` in templates is cheap. A missing or broken message shows its key instead of throwing:
 * one bad string must not take a page down.
 */
export function createTranslator(lang: Lang, messages: Messages): Translator {
  const locale = htmlLang(lang);
  const cache = new Map<MessageKey, CompiledMessage>();

  function formatFor(key: MessageKey): CompiledMessage | undefined {
    let format = cache.get(key);
    if (!format) {
      const source = messages[key];
      if (typeof source !== 'string') return undefined;
      format = compileMessage(source, locale);
      cache.set(key, format);
    }
    return format;
  }

  return {
    lang,
    t(key, values) {
      try {
        return formatFor(key)?.format(values) ?? key;
      } catch (error) {
        console.error(`i18n: cannot format "${key}" (${lang})`, error);
        return key;
      }
    },
  };
}
