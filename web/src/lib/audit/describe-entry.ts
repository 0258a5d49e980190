import { auditActionText, roles, type Role } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';

interface Entry {
  action: string;
  details: Record<string, unknown>;
}

const roleKeys: Record<Role, MessageKey> = {
  volunteer: 'account.role.volunteer',
  officer: 'account.role.officer',
  municipal_staff: 'account.role.municipal_staff',
  foundation_staff: 'account.role.foundation_staff',
};

const isRole = (value: unknown): value is Role => roles.includes(value as Role);
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * One audit entry as a reader understands it: what happened ("sent an invitation") and, when
 * the entry says, about what ("officer · 千住一丁目町会"). An action this version does not know is
 * shown by its code, so nothing is hidden.
 */
export function describeAuditEntry(
  i18n: Pick<Translator, 't' | 'lang'>,
  entry: Entry,
  associationNames: Record<string, string> = {},
): { what: string; detail: string | null } {
  // the action's own words come from the audit actions table (shared/src/audit-actions.ts)
  const what = auditActionText(entry.action, i18n.lang) ?? i18n.t('staff.audit.action.other', { code: entry.action });

  const d = entry.details ?? {};
  const parts: string[] = [];
  if (isRole(d.role)) parts.push(i18n.t(roleKeys[d.role]));
  const associationId = str(d.associationId);
  const association = str(d.associationName) ?? (associationId ? (associationNames[associationId] ?? null) : null);
  if (association) parts.push(association);
  if (entry.action === 'association.create' && str(d.name)) parts.push(str(d.name)!);
  if (entry.action === 'staff.sign_in') {
    if (d.method === 'password') parts.push(i18n.t('staff.audit.detail.password'));
    else if (str(d.method)) parts.push(i18n.t('staff.audit.detail.link'));
  }
  if (d.newAccount === true) parts.push(i18n.t('staff.audit.detail.newAccount'));
  // a request's title (lifecycle decisions, expiry, a match's steps)
  if (/^(request|match|help_invitation)\./.test(entry.action) && str(d.title)) parts.push(`「${str(d.title)}」`);
  if (entry.action === 'contact.reveal') {
    parts.push(i18n.t(d.side === 'staff' ? 'staff.audit.detail.byStaff' : 'staff.audit.detail.afterMatch'));
  }
  if (d.reason === 'account_deleted') parts.push(i18n.t('staff.audit.detail.accountDeleted'));
  else if (str(d.reason)) parts.push(i18n.t('staff.audit.detail.reason', { reason: str(d.reason)! }));
  if (d.via === 'operator command') parts.push(i18n.t('staff.audit.detail.operator'));

  return { what, detail: parts.length > 0 ? parts.join(' · ') : null };
}
