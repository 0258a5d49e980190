import { CreateHelpRequestBody } from '@board/shared';
import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
  normaliseDate,
  normaliseTime,
  parseRequestForm,
  requestFailure,
  requestFieldOf,
  splitSkills,
  tokyoParts,
} from './request-form.ts';
import { submittedForm } from './submitted-form.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const good = {
  title: '夏祭りのチラシ',
  body: 'A4 両面です。',
  category: 'design_flyers',
  skills: 'チラシづくり、Canva, 写真',
  slots: '２',
  whenKind: 'at',
  startDate: inDays(30),
  startTime: '10:00',
  area: '千住一丁目',
  exactPlace: '町会会館',
  estimatedHours: '1.5',
  expensesCovered: 'yes',
  deadlineDate: inDays(20),
  deadlineTime: '',
  languages: ['ja', 'ja-easy'],
};

describe('parseRequestForm', () => {
  it('turns a filled form into a body the API accepts, in Tokyo time', () => {
    const parsed = parseRequestForm(submittedForm(good));
    expect(parsed.local).toEqual({});
    expect(CreateHelpRequestBody.safeParse(parsed.body).success).toBe(true);
    expect(parsed.body).toMatchObject({
      skills: ['チラシづくり', 'Canva', '写真'],
      slots: 2,
      when: { kind: 'at', startsAt: `${good.startDate}T10:00:00+09:00` },
      estimatedHours: 1.5,
      expensesCovered: true,
      online: false,
      applicationDeadline: `${good.deadlineDate}T23:59:00+09:00`,
      languages: ['ja', 'ja-easy'],
    });
  });

  it('sends a range, and "flexible" without dates', () => {
    const range = parseRequestForm(
      submittedForm({ ...good, whenKind: 'range', endDate: good.startDate, endTime: '12:30', online: 'on' }),
    );
    expect(range.body.when).toEqual({
      kind: 'range',
      startsAt: `${good.startDate}T10:00:00+09:00`,
      endsAt: `${good.startDate}T12:30:00+09:00`,
    });
    expect(range.body.online).toBe(true);
    const flexible = parseRequestForm(submittedForm({ ...good, whenKind: 'flexible', startDate: '', startTime: '' }));
    expect(flexible.body.when).toEqual({ kind: 'flexible' });
    expect(flexible.local).toEqual({});
  });

  it('sends a day whose time is not fixed yet, ignoring the time box, and asks for its date', () => {
    const day = parseRequestForm(
      submittedForm({ ...good, whenKind: 'day', startDate: '2026/12/5', startTime: '10:00' }),
    );
    expect(day.body.when).toEqual({ kind: 'day', day: '2026-12-05' });
    expect(day.local).toEqual({});
    expect(parseRequestForm(submittedForm({ ...good, whenKind: 'day', startDate: '' })).local).toEqual({
      startDate: 'DATE_REQUIRED',
    });
    expect(parseRequestForm(submittedForm({ ...good, whenKind: 'day', startDate: '12月5日' })).local).toEqual({
      startDate: 'DATE_INVALID',
    });
    expect(requestFieldOf('when.day')).toBe('startDate');
  });

  it.each([
    ['no start date', { startDate: '' }, { startDate: 'DATE_REQUIRED' }],
    ['a date without its time', { startTime: '' }, { startDate: 'TIME_REQUIRED' }],
    ['a date that is not one', { startDate: '来週' }, { startDate: 'DATE_INVALID' }],
    ['a time that is not one', { startTime: '25:00' }, { startDate: 'TIME_INVALID' }],
    ['a range without its end', { whenKind: 'range' }, { endDate: 'DATE_REQUIRED' }],
    ['no slots', { slots: '' }, { slots: 'SLOTS_REQUIRED' }],
    ['a deadline time without a day', { deadlineDate: '', deadlineTime: '10:00' }, { deadlineDate: 'DATE_REQUIRED' }],
  ])('%s: names the field, and the body is one the API refuses (nothing can be written)', (_name, change, local) => {
    const parsed = parseRequestForm(submittedForm({ ...good, ...change }));
    expect(parsed.local).toEqual(local);
    expect(CreateHelpRequestBody.safeParse(parsed.body).success).toBe(false);
  });

  it('passes what cannot be a number on for the API to refuse', () => {
    const parsed = parseRequestForm(submittedForm({ ...good, slots: 'たくさん', estimatedHours: '半日' }));
    expect(parsed.body).toMatchObject({ slots: 'たくさん', estimatedHours: '半日' });
    expect(CreateHelpRequestBody.safeParse(parsed.body).success).toBe(false);
  });
});

describe('helpers', () => {
  it('read dates and times as people type them', () => {
    expect(normaliseDate('2026/7/8')).toBe('2026-07-08');
    expect(normaliseDate('２０２６年７月１８日')).toBe('2026-07-18');
    expect(normaliseDate('2026-02-30')).toBeNull();
    expect(normaliseTime('9:05')).toBe('09:05');
    expect(normaliseTime('14時')).toBe('14:00');
    expect(normaliseTime('24:00')).toBeNull();
    expect(tokyoParts('2026-07-18T01:30:00.000Z')).toEqual({ date: '2026-07-18', time: '10:30' });
    expect(splitSkills(' a、b ,\n c ,, ')).toEqual(['a', 'b', 'c']);
  });

  it('map API field paths to the form', () => {
    expect(requestFieldOf('when.startsAt')).toBe('startDate');
    expect(requestFieldOf('when.endsAt')).toBe('endDate');
    expect(requestFieldOf('when')).toBe('whenKind');
    expect(requestFieldOf('applicationDeadline')).toBe('deadlineDate');
    expect(requestFieldOf('skills.3')).toBe('skills');
    expect(requestFieldOf('languages.0')).toBe('languages');
  });

  it('requestFailure: the form’s own code wins, and a few codes get plainer words', () => {
    const parsed = parseRequestForm(submittedForm({ ...good, startTime: '', slots: '0' }));
    const failure = requestFailure(
      400,
      {
        code: 'VALIDATION_FAILED',
        message: '',
        fields: [
          { field: 'when.startsAt', code: 'DATE_TIME_INVALID' },
          { field: 'slots', code: 'too_small' },
          { field: 'title', code: 'TITLE_REQUIRED' },
        ],
      },
      parsed,
    );
    expect(isActionFailure(failure)).toBe(true);
    expect(failure.data.fields).toEqual({ startDate: 'TIME_REQUIRED', slots: 'SLOTS_RANGE', title: 'TITLE_REQUIRED' });
    expect(failure.data.values.title).toBe(good.title);
  });
});
