import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { htmlLang, languages, type Lang } from './languages.ts';
import { areas } from './catalogue.ts';

/** Every area's messages merged per language, as the app sees them. */
const files = Object.fromEntries(
  languages.map((lang) => [lang, Object.assign({}, ...Object.values(areas).map((area) => area[lang]))]),
) as Record<Lang, Record<string, unknown>>;
const jaEasy = files['ja-easy'];

/** A parsed ICU element, as far as this test needs to look into it (see @formatjs/icu-messageformat-parser). */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}
// TYPE enum of @formatjs/icu-messageformat-parser
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]); // argument, number, date, time, select, plural
const TAG = 8;

/** Names of every `{placeholder}` (and `<tag>`) used anywhere in a message, nested ones included. */
function placeholders(elements: Element[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (ARGUMENT_TYPES.has(el.type) && typeof el.value === 'string') found.add(el.value);
    if (el.type === TAG && typeof el.value === 'string') found.add(`<${el.value}>`);
    for (const option of Object.values(el.options ?? {})) placeholders(option.value, found);
    if (el.children) placeholders(el.children, found);
  }
  return found;
}

function parse(lang: Lang, key: string): IntlMessageFormat {
  const source = files[lang][key];
  if (typeof source !== 'string') throw new Error(`${lang}: "${key}" is not a string`);
  return new IntlMessageFormat(source, htmlLang(lang));
}

const allKeys = [...new Set(languages.flatMap((lang) => Object.keys(files[lang])))].sort();

describe('message catalogues', () => {
  it('have at least the basic keys', () => {
    expect(allKeys).toContain('site.name');
    expect(allKeys.length).toBeGreaterThan(10);
  });

  it.each(languages)('%s has every key used by any language, and nothing else', (lang) => {
    expect(Object.keys(files[lang]).sort()).toEqual(allKeys);
  });

  it.each(Object.entries(areas))(
    'area "%s": keys are prefixed with the area (or are common) and match across languages',
    (name, area) => {
      const keys = Object.keys(area.ja).sort();
      for (const lang of languages) expect(Object.keys(area[lang]).sort(), `${name}/${lang}`).toEqual(keys);
      if (name !== 'common') for (const key of keys) expect(key.startsWith(`${name}.`), key).toBe(true);
    },
  );

  it.each(languages)('%s: every value is a non-empty string', (lang) => {
    for (const [key, value] of Object.entries(files[lang])) {
      expect(typeof value, `${lang} ${key}`).toBe('string');
      expect((value as string).trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it.each(languages)('%s: every message parses as ICU MessageFormat', (lang) => {
    for (const key of Object.keys(files[lang])) {
      expect(() => parse(lang, key), `${lang} ${key}`).not.toThrow();
    }
  });

  it.each(allKeys)('"%s" uses the same placeholders in every language', (key) => {
    const [first, ...rest] = languages.map((lang) => ({
      lang,
      names: [...placeholders(parse(lang, key).getAst() as Element[])].sort(),
    }));
    for (const other of rest) {
      expect(other.names, `${other.lang} vs ${first?.lang}`).toEqual(first?.names);
    }
  });

  it.each(languages)('%s: every message formats with sample values', (lang) => {
    for (const key of Object.keys(files[lang])) {
      const format = parse(lang, key);
      // every placeholder gets a sample: numbers work for plurals and plain arguments alike
      const names = [...placeholders(format.getAst() as Element[])].filter((n) => !n.startsWith('<'));
      for (const count of [0, 1, 2, 14]) {
        const values: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, count]));
        for (const tag of [...placeholders(format.getAst() as Element[])].filter((n) => n.startsWith('<'))) {
          values[tag.slice(1, -1)] = (chunks: string[]) => chunks.join('');
        }
        const out = format.format(values);
        expect(typeof out, `${lang} ${key}`).toBe('string');
        expect(out as string, `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('やさしい日本語', () => {
  // Easy Japanese is for people still learning to read: kana, and only kanji from this list.
  // Add to it only for kanji that every learner meets first (and prefer kana anyway).
  const allowedKanji = new Set([...'日本人']);
  const KANJI = /\p{Script=Han}/gu;

  it.each(Object.keys(jaEasy))('"%s" uses only very common kanji', (key) => {
    const text = (jaEasy as Record<string, string>)[key] ?? '';
    const kanji = [...text.matchAll(KANJI)].map((m) => m[0]);
    expect(kanji.filter((k) => !allowedKanji.has(k))).toEqual([]);
  });
});
