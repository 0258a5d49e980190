import type { HelpRequestDetail } from '@board/shared';
import type { FormValues } from '#lib/forms/result.ts';
import type { ApiError } from './api.ts';
import type { RequestFieldName } from '#lib/requests/request-fields.ts';
import { formFailure, formFieldName, formText, formValues } from './form-result.ts';

/**
 * The officer's request form (new and edit) without JavaScript: plain inputs in, the API's body
 * out. The API is the only judge of what is valid; this file only turns what people type (a
 * date box and a time box, "1,5", "３") into the API's shape, and when something cannot be
 * turned, it sends a value the API is sure to refuse and explains that field in its own words.
 * So a bad form never writes anything, and every field's message comes back at once.
 */

export const REQUEST_FORM = 'request';

/** A field the action may name in its answer: one of the form's (#lib/requests/request-fields.ts). */
export type RequestFormField = RequestFieldName | 'associationId' | 'source';

/** Full-width digits and punctuation to ASCII, trimmed. */
const plain = (value: string) => value.normalize('NFKC').trim();

/** `2026-07-18`, `2026/7/18`, `2026.7.18` → `2026-07-18`; anything else → null. */
export function normaliseDate(raw: string): string | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(plain(raw));
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(iso) ? iso : null;
}

/** `9:30`, `09:30`, `9時30分`, `9時` → `09:30`; anything else → null. */
export function normaliseTime(raw: string): string | null {
  const match = /^(\d{1,2})(?:[:時](\d{2})?分?)?$/.exec(plain(raw));
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A Tokyo date and time as the API's instant (Tokyo has no summer time). */
export function tokyoInstant(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** An instant as the date and time boxes show it, in Tokyo time. */
export function tokyoParts(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Splits "Canva、写真, LINE" (or one per line) into skills. */
export function splitSkills(raw: string): string[] {
  return raw
    .split(/[,、，\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A whole number as typed (full-width too); empty → null; anything else is passed on for the API to refuse. */
function wholeNumber(raw: string): number | string | null {
  const value = plain(raw);
  if (value === '') return null;
  return /^\d{1,4}$/.test(value) ? Number(value) : value;
}

function decimal(raw: string): number | string | null {
  const value = plain(raw)
    .replace(/時間$/, '')
    .replace(/h(ours?)?$/i, '')
    .trim();
  if (value === '') return null;
  return /^\d{1,3}([.,]\d{1,2})?$/.test(value) ? Number(value.replace(',', '.')) : value;
}

export interface ParsedRequestForm {
  /** what goes to POST/PUT /api/requests (invalid where `local` names a problem) */
  body: Record<string, unknown>;
  /** problems only the form can name (a date without its time …): field → code */
  local: Partial<Record<RequestFormField, string>>;
  values: FormValues;
}

/** Reads the submitted request form. */
export function parseRequestForm(form: FormData): ParsedRequestForm {
  const local: ParsedRequestForm['local'] = {};
  const whenKind = formText(form, 'whenKind') || 'at';

  /** a date + time pair; a problem is reported on `field` and the API gets an invalid instant */
  const instant = (field: RequestFormField, dateName: string, timeName: string, defaultTime?: string) => {
    const rawDate = formText(form, dateName);
    const rawTime = formText(form, timeName);
    if (plain(rawDate) === '') {
      local[field] = 'DATE_REQUIRED';
      return '';
    }
    const date = normaliseDate(rawDate);
    if (!date) {
      local[field] = 'DATE_INVALID';
      return rawDate;
    }
    if (plain(rawTime) === '' && defaultTime === undefined) {
      local[field] = 'TIME_REQUIRED';
      return date;
    }
    const time = plain(rawTime) === '' ? defaultTime! : normaliseTime(rawTime);
    if (!time) {
      local[field] = 'TIME_INVALID';
      return `${date}T${rawTime}`;
    }
    return tokyoInstant(date, time);
  };

  /** a day without a time (the time is not fixed yet): whatever is in the time box is not asked for */
  const dayOnly = (field: RequestFormField, dateName: string) => {
    const rawDate = formText(form, dateName);
    if (plain(rawDate) === '') local[field] = 'DATE_REQUIRED';
    else if (!normaliseDate(rawDate)) local[field] = 'DATE_INVALID';
    return normaliseDate(rawDate) ?? rawDate;
  };

  let when: Record<string, unknown>;
  if (whenKind === 'at') when = { kind: 'at', startsAt: instant('startDate', 'startDate', 'startTime') };
  else if (whenKind === 'day') when = { kind: 'day', day: dayOnly('startDate', 'startDate') };
  else if (whenKind === 'range') {
    when = {
      kind: 'range',
      startsAt: instant('startDate', 'startDate', 'startTime'),
      endsAt: instant('endDate', 'endDate', 'endTime'),
    };
  } else if (whenKind === 'flexible') when = { kind: 'flexible' };
  else when = { kind: whenKind };

  // the deadline is optional; a day without a time means the end of that day
  const deadline =
    plain(formText(form, 'deadlineDate')) === '' && plain(formText(form, 'deadlineTime')) === ''
      ? null
      : instant('deadlineDate', 'deadlineDate', 'deadlineTime', '23:59');

  const slots = wholeNumber(formText(form, 'slots'));
  if (slots === null) local.slots = 'SLOTS_REQUIRED';
  const hours = decimal(formText(form, 'estimatedHours'));
  const associationId = formText(form, 'associationId');

  const body: Record<string, unknown> = {
    title: formText(form, 'title'),
    body: formText(form, 'body'),
    category: formText(form, 'category'),
    skills: splitSkills(formText(form, 'skills')),
    skillKeys: form.getAll('skillKeys').filter((v): v is string => typeof v === 'string'),
    slots,
    when,
    area: formText(form, 'area'),
    exactPlace: formText(form, 'exactPlace'),
    online: form.get('online') === 'on',
    estimatedHours: hours,
    expensesCovered: formText(form, 'expensesCovered') === 'yes',
    applicationDeadline: deadline,
    languages: form.getAll('languages').filter((v): v is string => typeof v === 'string'),
    summaryEn: formText(form, 'summaryEn'),
    summaryJaEasy: formText(form, 'summaryJaEasy'),
    handsMode: formText(form, 'handsMode') === 'first_come' ? 'first_come' : 'officer_picks',
    ...(associationId ? { associationId } : {}),
  };
  return { body, local, values: formValues(form) };
}

/** The form field an API field path belongs to (`when.startsAt` → `startDate`, `skills.2` → `skills`). */
export function requestFieldOf(path: string): string {
  if (path === 'applicationDeadline') return 'deadlineDate';
  if (path === 'when' || path === 'when.kind') return 'whenKind';
  if (path === 'when.startsAt' || path === 'when.day') return 'startDate';
  if (path === 'when.endsAt') return 'endDate';
  return formFieldName(path);
}

/** Plainer words than the general ones for a few fields (e.g. "between 1 and 20 people"). */
function refine(field: string, code: string): string {
  if (field === 'slots' && ['too_small', 'too_big', 'invalid_type', 'invalid_value'].includes(code))
    return 'SLOTS_RANGE';
  if (field === 'estimatedHours' && code !== 'TOO_LONG') return 'HOURS_INVALID';
  if (field === 'category' && code !== 'CATEGORY_NOT_ENABLED') return 'CATEGORY_REQUIRED';
  return code;
}

/** A refused save as `fail(…)` for the page: the form's own codes win over the API's for the same field. */
export function requestFailure(status: number, error: ApiError, parsed: ParsedRequestForm) {
  const fields: Record<string, string> = {};
  for (const [field, code] of Object.entries(parsed.local)) fields[field] = code;
  for (const issue of error.fields) {
    const field = requestFieldOf(issue.field);
    fields[field] ??= refine(field, issue.code);
  }
  return formFailure(REQUEST_FORM, status, error.code, fields, parsed.values);
}

/** A request's content as the form shows it (for editing). */
export function requestFormValues(request: HelpRequestDetail): FormValues {
  const values: FormValues = {
    title: request.title,
    body: request.body,
    category: request.category,
    skills: request.skills.join('、'),
    skillKeys: request.skillKeys,
    slots: String(request.slots),
    whenKind: request.when.kind,
    area: request.area,
    exactPlace: request.exactPlace ?? '',
    estimatedHours: request.estimatedHours === null ? '' : String(request.estimatedHours),
    expensesCovered: request.expensesCovered ? 'yes' : 'no',
    languages: request.languages,
    summaryEn: request.summaryEn,
    summaryJaEasy: request.summaryJaEasy,
    handsMode: request.handsMode,
  };
  if (request.online) values.online = 'on';
  if (request.when.kind === 'day') values.startDate = request.when.day;
  if (request.when.kind === 'at' || request.when.kind === 'range') {
    const start = tokyoParts(request.when.startsAt);
    values.startDate = start.date;
    values.startTime = start.time;
  }
  if (request.when.kind === 'range') {
    const end = tokyoParts(request.when.endsAt);
    values.endDate = end.date;
    values.endTime = end.time;
  }
  if (request.applicationDeadline) {
    const deadline = tokyoParts(request.applicationDeadline);
    values.deadlineDate = deadline.date;
    values.deadlineTime = deadline.time;
  }
  return values;
}
