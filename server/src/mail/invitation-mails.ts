import type { InvitedRole } from '@board/shared';
import { mailFromCatalogue } from './catalogue.ts';
import { formatWhen } from './format.ts';

/** Where a granted role applies, named in the recipient's language. */
export interface RolePlace {
  role: InvitedRole | 'foundation_staff';
  municipality: { nameJa: string; nameEn: string } | null;
  associationName: string | null;
}

export interface InvitationMailVars extends RolePlace {
  role: InvitedRole;
  inviterName: string | null;
  link: string;
  expiresAt: Date;
}

export type RoleGrantedMailVars = RolePlace;

/** `{roleName}`: 「千住一丁目町会」（足立区）の役員 / an officer of 千住一丁目町会 (Adachi City), the catalogue's part per role. */
const roleName = (place: RolePlace) => ({ roleName: place.role });

/** The single-use link that invites someone to a role; in the language the inviter chose for them. */
export const invitationMail = mailFromCatalogue<InvitationMailVars>('invitation', {
  choose: (v) => ({ ...roleName(v), invitedBy: v.inviterName ? 'byInviter' : 'noInviter' }),
  compute: (v, language) => ({ expires: formatWhen(v.expiresAt, language) }),
});

/** Tells an existing account it now wears a new hat (also a warning if they did not expect it). */
export const roleGrantedMail = mailFromCatalogue<RoleGrantedMailVars>('roleGranted', { choose: roleName });

/** The municipality's staff took a role away (someone left their association). */
export const roleRemovedMail = mailFromCatalogue<RolePlace>('roleRemoved', {
  choose: (v) => ({ ...roleName(v), staffOf: v.municipality ? 'namedMunicipality' : 'someMunicipality' }),
});
