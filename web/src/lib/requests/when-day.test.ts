import { describe, expect, it } from 'vitest';
import { When } from '@board/shared';
import { describeWhen } from '#lib/board/requests.ts';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';

const say = (lang: 'ja' | 'en' | 'ja-easy', when: When) =>
  describeWhen(createTranslator(lang, messagesFor(lang)), when);

describe('a day whose time is not fixed yet', () => {
  it('is written with its weekday and "time not fixed", in each language', () => {
    const day = { kind: 'day', day: '2026-12-05' } as const;
    expect(say('ja', day)).toBe('2026年12月5日(土) 時間は未定');
    expect(say('en', day)).toBe('Sat, 5 Dec 2026, time not fixed yet');
    expect(say('ja-easy', day)).toBe('2026年12月5日(土) じかんは まだ きまって いません');
  });

  it('is a real calendar day in the schema', () => {
    expect(When.safeParse({ kind: 'day', day: '2026-12-05' }).success).toBe(true);
    expect(When.safeParse({ kind: 'day', day: '2026-02-30' }).success).toBe(false);
    expect(When.safeParse({ kind: 'day' }).success).toBe(false);
  });
});
