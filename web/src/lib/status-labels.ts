import type { ApplicationStatus, RequestStatus } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';

/**
 * The one table of state names (messages/status): the board, the request page, the volunteer's
 * and the officer's pages and the staff's screens all call a state by the same words.
 */

type T = Pick<Translator, 't'>;

const requestStatusKey: Record<RequestStatus, MessageKey> = {
  draft: 'status.request.draft',
  pending_review: 'status.request.pending_review',
  changes_requested: 'status.request.changes_requested',
  published: 'status.request.published',
  filled: 'status.request.filled',
  completed: 'status.request.completed',
  rejected: 'status.request.rejected',
  withdrawn: 'status.request.withdrawn',
  expired: 'status.request.expired',
  closed: 'status.request.closed',
};

const applicationStatusKey: Record<ApplicationStatus, MessageKey> = {
  pending: 'status.application.pending',
  accepted: 'status.application.accepted',
  declined: 'status.application.declined',
  withdrawn: 'status.application.withdrawn',
};

export function requestStatusLabel(i18n: T, status: RequestStatus): string {
  return i18n.t(requestStatusKey[status]);
}

export function applicationStatusLabel(i18n: T, status: ApplicationStatus): string {
  return i18n.t(applicationStatusKey[status]);
}
