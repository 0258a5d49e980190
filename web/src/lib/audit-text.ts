import { roles, type Role } from '@board/shared';
import type { MessageKey } from './i18n/catalogue.ts';
import type { Translator } from './i18n/translator.ts';

interface Entry {
  action: string;
  details: Record<string, unknown>;
}

/** Audit actions the board records (server `recordAudit` calls), each said in plain words. */
const actionKeys: Record<string, MessageKey> = {
  'invitation.create': 'staff.audit.action.invitation_create',
  'invitation.resend': 'staff.audit.action.invitation_resend',
  'invitation.revoke': 'staff.audit.action.invitation_revoke',
  'invitation.accept': 'staff.audit.action.invitation_accept',
  'role.grant': 'staff.audit.action.role_grant',
  'role.remove': 'staff.audit.action.role_remove',
  'association.create': 'staff.audit.action.association_create',
  'staff.sign_in': 'staff.audit.action.staff_sign_in',
  'me.export': 'staff.audit.action.me_export',
  'me.delete': 'staff.audit.action.me_delete',
  'contact.reveal': 'staff.audit.action.contact_reveal',
  'request.approve': 'staff.audit.action.request_approve',
  'request.request_changes': 'staff.audit.action.request_request_changes',
  'request.reject': 'staff.audit.action.request_reject',
  'request.close': 'staff.audit.action.request_close',
  'request.expire': 'staff.audit.action.request_expire',
  'flag.hide': 'staff.audit.action.flag_hide',
  'flag.dismiss': 'staff.audit.action.flag_dismiss',
  'municipality.update_settings': 'staff.audit.action.municipality_update_settings',
};

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
  i18n: Pick<Translator, 't'>,
  entry: Entry,
  associationNames: Record<string, string> = {},
): { what: string; detail: string | null } {
  const key = actionKeys[entry.action];
  const what = key ? i18n.t(key) : i18n.t('staff.audit.action.other', { code: entry.action });

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
  // a request's title (lifecycle decisions, expiry)
  if (entry.action.startsWith('request.') && str(d.title)) parts.push(`「${str(d.title)}」`);
  if (entry.action === 'contact.reveal') {
    parts.push(i18n.t(d.side === 'staff' ? 'staff.audit.detail.byStaff' : 'staff.audit.detail.afterMatch'));
  }
  if (d.reason === 'account_deleted') parts.push(i18n.t('staff.audit.detail.accountDeleted'));
  else if (str(d.reason)) parts.push(i18n.t('staff.audit.detail.reason', { reason: str(d.reason)! }));
  if (d.via === 'operator command') parts.push(i18n.t('staff.audit.detail.operator'));

  return { what, detail: parts.length > 0 ? parts.join(' · ') : null };
}
