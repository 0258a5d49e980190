import type { Language } from '@board/shared';
import type { MailTemplate } from './compose.ts';
import en from './texts/en.json' with { type: 'json' };
import jaEasy from './texts/ja-easy.json' with { type: 'json' };
import ja from './texts/ja.json' with { type: 'json' };

/**
 * The texts of every mail live in `texts/<language>.json`, like the web's messages: per mail a
 * subject, the body's lines and, where a phrase depends on the case, its `parts`. In a text,
 * `{name}` (or `{municipality.nameJa}`) is a value of the mail; an absent one reads as nothing.
 * Phrases several mails use sit in the language's own `parts`.
 * A list inside the body is an optional block: it is left out whole when a value it names is
 * absent (null, undefined or ''), e.g. an officer's note.
 */
export interface MailText {
  subject: string;
  body: (string | string[])[];
  /** phrases chosen per case (`choose` below), filled like the rest */
  parts?: Record<string, string>;
}

/** A language's texts: the mails, and phrases several mails share (e.g. a role's name). */
interface Catalogue {
  parts: Record<string, string>;
  mails: Record<MailKey, MailText>;
}

export type MailKey = keyof typeof ja.mails;

const catalogues: Record<Language, Catalogue> = { ja, en, 'ja-easy': jaEasy };

type Values = Record<string, unknown>;

/** How a mail's code fills what its texts cannot say by themselves. */
export interface MailFilling<Vars> {
  /** placeholder → the name of the part that fills it, e.g. `{ ask: v.contactDesk ? 'askDesk' : 'askOffice' }` */
  choose?: (vars: Vars) => Record<string, string>;
  /** values computed in the reader's language, e.g. a date */
  compute?: (vars: Vars, language: Language) => Values;
}

const placeholder = /\{([\w.]+)\}/g;

function valueAt(values: Values, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Values)[key] : undefined), values);
}

const absent = (value: unknown) => value === null || value === undefined || value === '';

/** One mail's texts in the three languages, as a template `compose` renders. */
export function mailFromCatalogue<Vars extends object>(
  key: MailKey,
  filling: MailFilling<Vars> = {},
): MailTemplate<Vars> {
  const render = (language: Language) => (vars: Vars) => {
    const { parts, mails } = catalogues[language];
    const text = mails[key];
    const choices = filling.choose?.(vars) ?? {};
    const values: Values = { ...vars, ...filling.compute?.(vars, language) };
    const lookUp = (name: string): unknown => {
      const part = choices[name];
      if (part === undefined) return valueAt(values, name);
      const phrase = text.parts?.[part] ?? parts[part];
      if (phrase === undefined) throw new Error(`mail ${key} (${language}) has no part ${part}`);
      return fill(phrase);
    };
    const fill = (line: string): string => line.replace(placeholder, (_, name: string) => String(lookUp(name) ?? ''));
    const present = (block: string[]) =>
      block.every((line) => [...line.matchAll(placeholder)].every(([, name]) => !absent(lookUp(name!))));
    const lines = text.body.flatMap((line) => (typeof line === 'string' ? [line] : present(line) ? line : []));
    return { subject: fill(text.subject), body: lines.map(fill).join('\n') };
  };
  return { ja: render('ja'), en: render('en'), 'ja-easy': render('ja-easy') };
}
