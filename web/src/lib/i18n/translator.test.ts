import { describe, expect, it } from 'vitest';
import type { MessageKey, Messages } from './catalogue.ts';
import { createTranslator } from './translator.ts';

// one text in two languages: the parsed message is shared by every page, not its plural rules
const items = '{n, plural, one {# item} other {# items}}';
const key = 'board.count' as MessageKey;
const messages = (source: string) => ({ [key]: source }) as Messages;

describe('a translator per page over messages parsed once', () => {
  it('formats one text by the rules of each language, whichever page parsed it first', () => {
    const en = createTranslator('en', messages(items));
    const ja = createTranslator('ja', messages(items));
    expect(ja.t(key, { n: 1 })).toBe('1 items');
    expect(en.t(key, { n: 1 })).toBe('1 item');
    expect(createTranslator('en', messages(items)).t(key, { n: 2 })).toBe('2 items');
  });

  it('shows the key for a missing message and for one it cannot format, every time', () => {
    const broken = createTranslator('en', messages('{n, number}'));
    expect(broken.t(key, { n: 1 })).toBe(key);
    expect(broken.t(key, { n: 1 })).toBe(key);
    expect(createTranslator('en', {} as Messages).t(key)).toBe(key);
  });
});
