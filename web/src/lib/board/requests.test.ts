import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { availabilityOf, deadlinePassed, describeWhen, languageLabel, slotsLeft } from './requests.ts';

const ja = createTranslator('ja', messagesFor('ja'));
const en = createTranslator('en', messagesFor('en'));

describe('a request, described for people who might help', () => {
  it('counts the slots still open and says where the request stands', () => {
    expect(slotsLeft({ slots: 3, matchedCount: 1 })).toBe(2);
    expect(slotsLeft({ slots: 1, matchedCount: 2 })).toBe(0);
    expect(availabilityOf({ status: 'published', slots: 2, matchedCount: 0 })).toBe('open');
    expect(availabilityOf({ status: 'published', slots: 1, matchedCount: 1 })).toBe('filled');
    expect(availabilityOf({ status: 'filled', slots: 1, matchedCount: 1 })).toBe('filled');
    expect(availabilityOf({ status: 'completed', slots: 1, matchedCount: 1 })).toBe('completed');
    expect(availabilityOf({ status: 'withdrawn', slots: 1, matchedCount: 0 })).toBe('closed');
  });

  it('knows when the deadline passed', () => {
    const now = Date.parse('2026-07-01T00:00:00Z');
    expect(deadlinePassed({ applicationDeadline: null }, now)).toBe(false);
    expect(deadlinePassed({ applicationDeadline: '2026-06-30T23:59:59Z' }, now)).toBe(true);
    expect(deadlinePassed({ applicationDeadline: '2026-07-02T00:00:00Z' }, now)).toBe(false);
  });

  it('writes "when" in Tokyo time, in the reader\'s language', () => {
    expect(describeWhen(ja, { kind: 'flexible' })).toBe('日時は相談して決めます');
    expect(describeWhen(ja, { kind: 'at', startsAt: '2026-07-18T01:00:00Z' })).toBe('2026年7月18日 10:00');
    // a span within one day gives the end time only
    expect(describeWhen(ja, { kind: 'range', startsAt: '2026-07-18T01:00:00Z', endsAt: '2026-07-18T03:30:00Z' })).toBe(
      '2026年7月18日 10:00 から 12:30 まで',
    );
    expect(describeWhen(en, { kind: 'range', startsAt: '2026-07-18T01:00:00Z', endsAt: '2026-07-19T03:30:00Z' })).toBe(
      '18 Jul 2026, 10:00 to 19 Jul 2026, 12:30',
    );
  });

  it('names the languages of the work', () => {
    expect(languageLabel(ja, 'en')).toBe('英語');
    expect(languageLabel(en, 'ja-easy')).toBe('Easy Japanese');
    expect(languageLabel(en, 'xx')).toBe('xx');
  });
});
