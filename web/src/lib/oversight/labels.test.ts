import { matchOrigins, matchReviewStatuses, timelineStepKinds } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { durationText, matchStatusLabel, originLabel, stepLabel } from './labels.ts';

const ja = createTranslator('ja', messagesFor('ja'));
const en = createTranslator('en', messagesFor('en'));
const easy = createTranslator('ja-easy', messagesFor('ja-easy'));

describe('oversight labels', () => {
  it('names every status, origin and timeline step in each language (never the code)', () => {
    for (const i18n of [ja, en, easy]) {
      const texts = [
        ...matchReviewStatuses.map((s) => matchStatusLabel(i18n, s)),
        ...matchOrigins.map((o) => originLabel(i18n, o)),
        ...timelineStepKinds.map((k) => stepLabel(i18n, k, false)),
        stepLabel(i18n, 'hand', true),
      ];
      for (const text of texts) expect(text, i18n.lang).not.toMatch(/^oversight\.|_/);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('says a span by its two largest parts', () => {
    expect(durationText(ja, 0)).toBe('すぐ');
    expect(durationText(ja, 59)).toBe('すぐ');
    expect(durationText(ja, 5 * 60)).toBe('5分');
    expect(durationText(ja, 3 * 3600 + 5 * 60)).toBe('3時間 5分');
    expect(durationText(ja, 2 * 86_400 + 3 * 3600 + 59 * 60)).toBe('2日 3時間');
    expect(durationText(en, 7 * 86_400)).toBe('7 d');
    expect(durationText(easy, 86_400 + 60)).toBe('1にち');
  });
});
