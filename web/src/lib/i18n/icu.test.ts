import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { areas } from './catalogue.ts';
import { compileMessage, type MessageValues } from './icu.ts';
import { htmlLang, languages } from './languages.ts';

/** A parsed ICU element, as far as this test needs (TYPE enum of @formatjs/icu-messageformat-parser). */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
}
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;

/** Each argument of a message with the values worth trying: every select case, plural counts around the rules. */
function argumentValues(elements: Element[], found = new Map<string, Array<string | number>>()) {
  for (const el of elements) {
    if (typeof el.value !== 'string') continue;
    if (el.type === ARGUMENT && !found.has(el.value)) found.set(el.value, ['「値」', 7]);
    if (el.type === SELECT) found.set(el.value, [...Object.keys(el.options ?? {}), 'unlisted']);
    if (el.type === PLURAL) found.set(el.value, [0, 1, 2, 5, 1234]);
    for (const option of Object.values(el.options ?? {})) argumentValues(option.value, found);
  }
  return found;
}

function reference(source: string, locale: string, values: MessageValues): string {
  const result = new IntlMessageFormat(source, locale).format(values);
  return Array.isArray(result) ? result.join('') : String(result);
}

describe('compileMessage formats as intl-messageformat does', () => {
  it.each(languages)('every %s message, with every case of its arguments', (lang) => {
    const locale = htmlLang(lang);
    let checked = 0;
    for (const area of Object.values(areas)) {
      for (const [key, source] of Object.entries(area[lang] as Record<string, string>)) {
        const args = [...argumentValues(new IntlMessageFormat(source, locale).getAst() as Element[])];
        const rounds = Math.max(1, ...args.map(([, tries]) => tries.length));
        for (let round = 0; round < rounds; round++) {
          const values = Object.fromEntries(args.map(([name, tries]) => [name, tries[round % tries.length]!]));
          expect(compileMessage(source, locale).format(values), `${lang} ${key} ${JSON.stringify(values)}`).toBe(
            reference(source, locale, values),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps quoted braces and doubled apostrophes, and says which value is missing', () => {
    const quoted = "It''s '{literal}' {n, plural, one {# item} other {# items}}";
    expect(compileMessage(quoted, 'en').format({ n: 3 })).toBe(reference(quoted, 'en', { n: 3 }));
    expect(() => compileMessage('{who} came', 'en').format({})).toThrow(/who/);
    expect(() => compileMessage('{n, number}', 'en')).toThrow(/unsupported/);
  });
});
