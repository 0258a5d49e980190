import type { Language } from '@board/shared';
import en from './texts/en.json' with { type: 'json' };
import jaEasy from './texts/ja-easy.json' with { type: 'json' };
import ja from './texts/ja.json' with { type: 'json' };

/**
 * The words of the printed pages (flyer, ward sheet, poster) in `texts/<language>.json`, like the
 * mails' texts: the server renders these pages, so their words live beside them. `{name}` is a value.
 */
export type PrintTexts = typeof ja;

const catalogues: Record<Language, PrintTexts> = { ja, en, 'ja-easy': jaEasy };

export function printTexts(language: Language): PrintTexts {
  return catalogues[language];
}

/** A text with its `{name}` placeholders filled (plain text: escape it when it goes into HTML). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
