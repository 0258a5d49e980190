import type { MessageKey, Messages } from './catalogue.ts';
import { compileMessage, type CompiledMessage, type MessageValues } from './icu.ts';
import { htmlLang, type Lang } from './languages.ts';

export type { MessageValues };

export interface Translator {
  readonly lang: Lang;
  /** Formats the message `key` of the current language (ICU MessageFormat, see icu.ts). */
  t(key: MessageKey, values?: MessageValues): string;
}

// Parsed messages, kept for the process (the server makes a translator for every page it
// renders): their number is bounded by the catalogues (each language's texts, as sources)
const compiled = new Map<string, CompiledMessage>();

function compiledFor(source: string, locale: string): CompiledMessage {
  const id = `${locale}\u0000${source}`;
  let format = compiled.get(id);
  if (!format) {
    format = compileMessage(source, locale);
    compiled.set(id, format);
  }
  return format;
}

/**
 * A translator over one language's messages. Parsed formats are cached, so calling `t` in
 * templates is cheap. A missing or broken message shows its key instead of throwing: one bad
 * string must not take a page down.
 */
export function createTranslator(lang: Lang, messages: Messages): Translator {
  const locale = htmlLang(lang);

  function formatFor(key: MessageKey): CompiledMessage | undefined {
    const source = messages[key];
    return typeof source === 'string' ? compiledFor(source, locale) : undefined;
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
