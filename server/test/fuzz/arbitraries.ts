import fc from 'fast-check';
import type { JsonSchema } from './operations.ts';

/**
 * Values for the fuzzer: well-formed ones read off the OpenAPI JSON schemas (so requests get past
 * validation and reach the database), each leaf sometimes swapped for a hostile one.
 */

/** Control characters, broken UTF-16, odd Unicode: what PostgreSQL or a careless check chokes on. */
export const hostileText = fc.constantFrom(
  'a\u0000b',
  '\u0000',
  'tab\there',
  'line\nbreak',
  'cr\r\nlf',
  '\u0007bell',
  '\u001b[31mred',
  '\u007f',
  'c1\u0085\u009f',
  '\ud800',
  'tail\udfff',
  '\udfff\ud800',
  '\ufeffbom',
  '\u202eevil',
  '\uffff\ufffe',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  '𠮷野家',
  'ｶﾀｶﾅ全角ＡＢＣ',
  ' ',
  '',
  "' or 1=1 --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
);

/** Dates PostgreSQL or Date.parse cannot agree on, and impossible ones of the right shape. */
export const extremeDate = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31',
  '2201-01-01',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30',
  '2026-02-30T10:00:00+09:00',
  '2026-13-01T00:00:00Z',
  '2026-07-18T24:00:00Z',
  '2026-07-18T10:00:00+99:00',
  '2026-07-18T10:00:00.1234567890123Z',
);

export const hugeNumber = fc.constantFrom(
  -1,
  0,
  2 ** 31,
  2 ** 53,
  2 ** 63,
  1e20,
  1e308,
  -1e308,
  0.1,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
);

export const longString = fc.constantFrom('あ'.repeat(10_001), 'x'.repeat(100_000), '\u0000'.repeat(5000));

/** Any JSON value of the wrong kind, or a hostile one of the right kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 3 },
  { arbitrary: extremeDate, weight: 2 },
  hugeNumber,
  longString,
  fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }, '1', 'true', 'null'),
  fc.jsonValue({ maxDepth: 2 }),
);

export interface ValueContext {
  /** ids of rows in the database (every tenant's), so path and body ids hit real rows */
  ids: string[];
}

const stringByFormat = (format: string, ctx: ValueContext): fc.Arbitrary<string> | null => {
  switch (format) {
    case 'uuid':
      return ctx.ids.length > 0
        ? fc.oneof({ arbitrary: fc.constantFrom(...ctx.ids), weight: 4 }, fc.uuid())
        : fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.oneof(
        fc.constantFrom('volunteer1@demo.example', 'officer.okubo@demo.example', 'new.person@example.jp'),
        fc.stringMatching(/^[a-z]{1,8}\.[a-z0-9]{1,8}@example\.(jp|com)$/),
      );
    default:
      return null;
  }
};

function stringFor(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<string> {
  const byFormat = schema.format ? stringByFormat(schema.format, ctx) : null;
  if (byFormat) return byFormat;
  const min = schema.minLength ?? 0;
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern);
      const max = schema.maxLength ?? 10_000;
      // a token-like `^[…]+$` with a minimum length: repeat a match until it is long enough
      return fc
        .stringMatching(pattern)
        .map((s) => (s.length > 0 && s.length < min ? s.repeat(Math.ceil(min / s.length)) : s).slice(0, max))
        .filter((s) => s.length >= min && pattern.test(s));
    } catch {
      // a pattern JavaScript cannot compile without flags: fall through to plain text
    }
  }
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 200));
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
  if (schema.multipleOf) {
    const step = schema.multipleOf;
    return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((n) => n * step);
  }
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Some schemas say less than the field needs (an email normalised before it is checked has no
 * `format`): go by the field's name there.
 */
function byName(key: string, schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const nullable = JSON.stringify(schema).includes('"null"');
  const named = /email/i.test(key) ? stringByFormat('email', { ids: [] }) : /^phone$/.test(key) ? phone : null;
  if (!named) return null;
  return nullable ? fc.oneof(named, fc.constant(null)) : named;
}

const phone = fc.stringMatching(/^0\d{1,4}-\d{1,4}-\d{4}$/);

/** A value the schema describes (ids from the database where it asks for a uuid). */
export function wellFormed(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => wellFormed(s, ctx)));
  if (schema.allOf && schema.allOf.length > 0) return wellFormed(Object.assign({}, ...schema.allOf), ctx);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => wellFormed({ ...schema, type }, ctx)));
  switch (types[0]) {
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, s]) => [key, byName(key, s) ?? wellFormed(s, ctx)]),
      );
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    case 'array': {
      const item = schema.items ? wellFormed(schema.items, ctx) : hostileValue;
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'string':
      return stringFor(schema, ctx);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export type Key = string | number;

/** Every place in a JSON value (the value itself, each member, each item, recursively). */
export function placesIn(value: unknown, at: Key[] = []): Key[][] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => placesIn(item, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...at, key]))];
  return [at];
}

export function replaceAt(value: unknown, at: Key[], replacement: unknown): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<Key, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

const wrongType = fc.constantFrom<unknown>(null, true, 0, -1, '', [], {}, [null], { a: 1 }, 'null');

/** A hostile value of the kind most likely to hurt where `original` stood. */
function hostileFor(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    const looksLikeDate = /^\d{4}-\d{2}/.test(original);
    return fc.oneof(
      { arbitrary: hostileText, weight: 4 },
      { arbitrary: extremeDate, weight: looksLikeDate ? 6 : 1 },
      { arbitrary: longString, weight: 1 },
      { arbitrary: wrongType, weight: 1 },
    );
  }
  if (typeof original === 'number') return fc.oneof({ arbitrary: hugeNumber, weight: 3 }, wrongType);
  return hostileValue;
}

export const valueAt = (value: unknown, at: Key[]): unknown =>
  at.reduce<unknown>((v, key) => (v as Record<Key, unknown> | undefined)?.[key], value);

/**
 * A well-formed value with exactly one place in it swapped for a hostile value (or, one time in
 * seven, left whole): the rest gets past validation, so the hostile part is what reaches the code.
 */
export function withOneHostile(wellFormedValue: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return wellFormedValue.chain((value) => {
    const all = placesIn(value);
    // the value itself only when it has no parts: a wrong-typed whole body is one case among many
    const places = all.length > 1 ? all.slice(1) : all;
    // each field counts once however many items its list has (`skills.*`), and text (where most
    // hostile input goes in) is picked two times in three when there is some
    const byField = (list: Key[][]) => {
      const fields = new Map<string, Key[][]>();
      for (const at of list) {
        const field = at.map((k) => (typeof k === 'number' ? '*' : k)).join('.');
        fields.set(field, [...(fields.get(field) ?? []), at]);
      }
      return fc.constantFrom(...fields.values()).chain((same) => fc.constantFrom(...same));
    };
    const texts = places.filter((at) => typeof valueAt(value, at) === 'string');
    const place =
      texts.length > 0
        ? fc.oneof({ arbitrary: byField(texts), weight: 2 }, { arbitrary: byField(places), weight: 1 })
        : byField(places);
    const mutated = place.chain((at) => hostileFor(valueAt(value, at)).map((bad) => replaceAt(value, at, bad)));
    return fc.oneof({ arbitrary: fc.constant(value), weight: 1 }, { arbitrary: mutated, weight: 6 });
  });
}

/** What a URL can carry: text (and lists of text for repeated query keys). */
export function asUrlText(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((item) => String(asUrlText(item)));
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The sweep's few hostile values for one place, by what stood there: control characters and
 * broken UTF-16 in text, impossible and extreme dates where a date stood, out-of-range numbers.
 */
export function sweepValues(original: unknown): unknown[] {
  if (typeof original === 'string')
    return /^\d{4}-\d{2}/.test(original)
      ? ['0000-01-01', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T10:00:00+09:00']
      : ['a\u0000b', 'c1\u0085\u009f', '\ud800x'];
  if (typeof original === 'number') return [2 ** 63, -1];
  if (typeof original === 'boolean') return ['true'];
  return [];
}
