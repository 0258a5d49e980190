import { can, type Actor } from '@board/shared';
import { isUuid } from '#lib/uuid.ts';

interface Entry {
  action: string;
  municipalityCode: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

const idIn = (value: unknown): string | null => (typeof value === 'string' && isUuid(value) ? value : null);

/**
 * The staff page of what an audit entry names, when the reader may open it: a request's review
 * page (a match's and a shown contact's request too: staff have no match page), the
 * association, the flag in the flag list, the municipality's settings or (foundation) its status
 * page; null otherwise.
 */
export function auditEntryHref(actor: Actor | null, entry: Entry): string | null {
  const where = { municipalityCode: entry.municipalityCode ?? undefined };
  if (!entry.municipalityCode) return null;
  // a deleted draft has no page left to open
  if (entry.action === 'request.delete') return null;
  const requestId = entry.subjectType === 'help_request' ? idIn(entry.subjectId) : idIn(entry.details.requestId);
  if (requestId && /^(request|match|contact|help_invitation)\./.test(entry.action)) {
    return can(actor, 'moderation.list', where) ? `/staff/moderation/${requestId}` : null;
  }
  const associationId = entry.subjectType === 'association' ? idIn(entry.subjectId) : idIn(entry.details.associationId);
  if (associationId) return can(actor, 'association.list', where) ? `/staff/associations/${associationId}` : null;
  if (entry.subjectType === 'flag' && idIn(entry.subjectId)) {
    const status = entry.action === 'flag.hide' ? 'hidden' : 'dismissed';
    return can(actor, 'flag.list', where) ? `/staff/flags?status=${status}#flag-${entry.subjectId}` : null;
  }
  if (entry.action === 'municipality.update_settings') {
    return can(actor, 'municipality.updateSettings', where)
      ? `/staff/settings?municipality=${encodeURIComponent(entry.municipalityCode)}`
      : null;
  }
  if (entry.action === 'municipality.update_status') {
    return can(actor, 'municipality.updateStatus', where)
      ? `/staff/municipalities/${encodeURIComponent(entry.municipalityCode)}`
      : null;
  }
  if (entry.subjectType === 'invitation') return can(actor, 'invitation.list', where) ? '/staff/invitations' : null;
  return null;
}
