import type { Invitation } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

export const stateKey: Record<Invitation['state'], MessageKey> = {
  pending: 'staff.invitations.state.pending',
  accepted: 'staff.invitations.state.accepted',
  revoked: 'staff.invitations.state.revoked',
  expired: 'staff.invitations.state.expired',
};

/** A sign beside the state's word, so it is not told by colour alone. */
export const stateIcon: Record<Invitation['state'], string> = {
  pending: '…',
  accepted: '✓',
  revoked: '×',
  expired: '!',
};
