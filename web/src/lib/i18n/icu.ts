/**
 * The part of ICU MessageFormat our catalogues use, small enough for every page's JavaScript
 * (intl-messageformat with its parser was ≈ 10 KB gzip of each page): `{name}`,
 * `{n, plural, =0 {…} one {…} other {…}}` with `#`, `{x, select, a {…} other {…}}`, and
 * apostrophe quoting (`''`, `'{'`). icu.test.ts checks that every message of every language
 * formats exactly as intl-messageformat formats it; messages.test.ts that each one parses.
 */
export type MessageValues = Record<string, string | number | Date>;

type Part =
  | string
  | { arg: string }
  | { pound: true }
  | { arg: string; kind: 'plural' | 'select'; options: Record<string, Part[]> };

export interface CompiledMessage {
  format(values?: MessageValues): string;
}

// Intl's formatters cost more to make than a message to format: one of each per locale
const intlByLocale = new Map<string, { plurals: Intl.PluralRules; numbers: Intl.NumberFormat }>();

function intlFor(locale: string) {
  let intl = intlByLocale.get(locale);
  if (!intl) {
    intl = { plurals: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
    intlByLocale.set(locale, intl);
  }
  return intl;
}

export function compileMessage(source: string, locale: string): CompiledMessage {
  const parts = new Parser(source).parts(false);
  const { plurals, numbers } = intlFor(locale);
  function render(list: Part[], values: MessageValues, count: number | undefined): string {
    let out = '';
    for (const part of list) {
      if (typeof part === 'string') out += part;
      else if ('pound' in part) out += count === undefined ? '#' : numbers.format(count);
      else {
        const value = values[part.arg];
        if (value === undefined) throw new Error(`no value for {${part.arg}}`);
        if (!('kind' in part)) out += String(value);
        else if (part.kind === 'select') out += render(part.options[String(value)] ?? other(part), values, count);
        else {
          const n = Number(value);
          const branch = part.options[`=${n}`] ?? part.options[plurals.select(n)] ?? other(part);
          out += render(branch, values, n);
        }
      }
    }
    return out;
  }
  return { format: (values = {}) => render(parts, values, undefined) };
}

function other(part: { arg: string; options: Record<string, Part[]> }): Part[] {
  const branch = part.options.other;
  if (!branch) throw new Error(`{${part.arg}} has no "other" case`);
  return branch;
}

class Parser {
  private at = 0;
  private readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  /** Text and arguments up to the end, or up to the `}` that closes a plural or select case. */
  parts(inCase: boolean, inPlural = false): Part[] {
    const parts: Part[] = [];
    let text = '';
    const s = this.source;
    while (this.at < s.length) {
      const c = s[this.at]!;
      if (c === '}' && inCase) break;
      if (c === '{') {
        if (text) parts.push(text);
        text = '';
        parts.push(this.argument());
      } else if (c === '#' && inPlural) {
        if (text) parts.push(text);
        text = '';
        parts.push({ pound: true });
        this.at++;
      } else if (c === "'" && s[this.at + 1] === "'") {
        text += "'";
        this.at += 2;
      } else if (c === "'" && /[{}#|]/.test(s[this.at + 1] ?? '')) {
        const end = s.indexOf("'", this.at + 1);
        text += s.slice(this.at + 1, end === -1 ? s.length : end);
        this.at = end === -1 ? s.length : end + 1;
      } else {
        text += c;
        this.at++;
      }
    }
    if (text) parts.push(text);
    return parts;
  }

  private argument(): Part {
    this.at++; // {
    const arg = this.word();
    this.space();
    if (this.eat('}')) return { arg };
    this.expect(',');
    const kind = this.word();
    if (kind !== 'plural' && kind !== 'select') throw this.error(`unsupported argument type "${kind}"`);
    this.space();
    this.expect(',');
    const options: Record<string, Part[]> = {};
    for (this.space(); !this.eat('}'); this.space()) {
      const key = this.word();
      this.space();
      this.expect('{');
      options[key] = this.parts(true, kind === 'plural');
      this.expect('}');
    }
    return { arg, kind, options };
  }

  private word(): string {
    this.space();
    const match = /^[^\s{},]+/.exec(this.source.slice(this.at));
    if (!match) throw this.error('a name was expected');
    this.at += match[0].length;
    return match[0];
  }

  private space(): void {
    while (/\s/.test(this.source[this.at] ?? '')) this.at++;
  }

  private eat(c: string): boolean {
    if (this.source[this.at] !== c) return false;
    this.at++;
    return true;
  }

  private expect(c: string): void {
    if (!this.eat(c)) throw this.error(`"${c}" was expected`);
  }

  private error(problem: string): Error {
    return new Error(`${problem} at ${this.at} in "${this.source}"`);
  }
}
