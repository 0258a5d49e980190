import { boardStatuses, type RequestStatus, type RequestTransition } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { spokenLanguages } from '#lib/profile-options.ts';

/**
 * Words for the officer's and the staff's side of a help request: the next step in plain words,
 * lifecycle buttons. State names are the one table in #lib/status-labels.ts; categories,
 * languages and "when" are the board's (#lib/board/requests.ts), so every page says them the
 * same way.
 */

type T = Pick<Translator, 't'>;

/** What happens next, from the officer's side, in one or two plain sentences. */
export function nextStepText(i18n: T, status: RequestStatus): string {
  return i18n.t(`association.next.${status}` as MessageKey);
}

/** The label of a lifecycle button (the transitions come from the API's `availableTransitions`). */
export function transitionLabel(i18n: T, transition: RequestTransition): string {
  return i18n.t(`association.transition.${transition}` as MessageKey);
}

export type SubmitStep = Extract<RequestTransition, 'submit' | 'submitAndPublish'>;

/** The sending step a request offers its officer now (for review, or straight onto the board); null when none. */
export function submitStepOf(request: { availableTransitions: readonly RequestTransition[] }): SubmitStep | null {
  return request.availableTransitions.find((t): t is SubmitStep => t === 'submit' || t === 'submitAndPublish') ?? null;
}

/** States grouped for the officer's list, most urgent first. */
export const statusGroups: readonly { key: string; statuses: readonly RequestStatus[] }[] = [
  { key: 'attention', statuses: ['changes_requested', 'draft'] },
  { key: 'review', statuses: ['pending_review'] },
  { key: 'open', statuses: boardStatuses },
  { key: 'finished', statuses: ['completed'] },
  { key: 'ended', statuses: ['rejected', 'expired', 'closed', 'withdrawn'] },
];

/** Languages a request may be done in (the request form's boxes): Japanese, easy Japanese, then the rest. */
export const requestLanguageOptions: readonly { code: string; lang: string }[] = [
  { code: 'ja', lang: 'ja' },
  { code: 'ja-easy', lang: 'ja' },
  ...spokenLanguages.filter((l) => l.code !== 'ja').map(({ code, lang }) => ({ code, lang })),
];
