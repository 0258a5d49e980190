import {
  categoryKeys,
  matchOrigins,
  matchReviewStatuses,
  requestStatuses,
  type MatchOrigin,
  type MatchReviewStatus,
  type TimelineStepKind,
} from '@board/shared';
import { categoryLabel } from '#lib/board/requests.ts';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { requestStatusLabel } from '#lib/status-labels.ts';

/** The words of the oversight pages for the API's codes (messages/oversight). */

type T = Pick<Translator, 't'>;

export const matchStatusLabel = (i18n: T, status: MatchReviewStatus) =>
  i18n.t(`oversight.status.${status}` as MessageKey);

export const originLabel = (i18n: T, origin: MatchOrigin) => i18n.t(`oversight.origin.${origin}` as MessageKey);

export function stepLabel(i18n: T, kind: TimelineStepKind, thisMatch: boolean): string {
  return i18n.t(kind === 'hand' && thisMatch ? 'oversight.step.handThis' : (`oversight.step.${kind}` as MessageKey));
}

/** A span of seconds as days, hours and minutes, the two largest parts ("2日3時間", "2 d 3 h"). */
export function durationText(i18n: T, seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const parts = [
    days > 0 ? i18n.t('oversight.duration.days', { count: days }) : null,
    hours > 0 ? i18n.t('oversight.duration.hours', { count: hours }) : null,
    days === 0 && minutes > 0 ? i18n.t('oversight.duration.minutes', { count: minutes }) : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : i18n.t('oversight.duration.moment');
}

/** The choices of the filter forms, labelled. */
export const choices = {
  category: (i18n: T & Parameters<typeof categoryLabel>[0]) =>
    categoryKeys.map((value) => ({ value, label: categoryLabel(i18n, value) })),
  matchStatus: (i18n: T) => matchReviewStatuses.map((value) => ({ value, label: matchStatusLabel(i18n, value) })),
  origin: (i18n: T) => matchOrigins.map((value) => ({ value, label: originLabel(i18n, value) })),
  requestStatus: (i18n: T) => requestStatuses.map((value) => ({ value, label: requestStatusLabel(i18n, value) })),
  sort: (i18n: T, sorts: readonly ('newest' | 'oldest' | 'municipality')[]) =>
    sorts.map((value) => ({ value, label: i18n.t(`oversight.sort.${value}`) })),
};
