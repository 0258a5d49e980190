import { helpInvitationStatuses } from '@board/shared';
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgPolicy, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredLink, requiredMunicipality } from './columns.ts';
import { anyOf, isCurrentUser, isSystem, officerOf, policyFor, requestPartiesOf } from './access.ts';
import { associations } from './associations.ts';
import { helpRequests } from './help-requests.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

export const helpInvitationStatus = pgEnum('help_invitation_status', helpInvitationStatuses);

/**
 * An invitation to help (issue 10): an officer asks a volunteer who agreed to be suggested to
 * raise a hand for one published request. Not an account invitation (`invitations`). Municipality
 * and association are copied from the request so row-level security checks them directly.
 */
export const helpInvitations = pgTable(
  'help_invitations',
  {
    id: id(),
    requestId: requiredLink('request_id', () => helpRequests.id),
    volunteerId: requiredLink('volunteer_id', () => users.id, { onDelete: 'cascade' }),
    invitedBy: requiredLink('invited_by', () => users.id),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    associationId: requiredLink('association_id', () => associations.id),
    status: helpInvitationStatus('status').notNull().default('open'),
    createdAt: createdAt(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    // a volunteer is invited to a request once, whatever became of it
    uniqueIndex('help_invitations_once_idx').on(t.requestId, t.volunteerId),
    index('help_invitations_volunteer_idx').on(t.volunteerId, t.status),
    index('help_invitations_inviter_idx').on(t.invitedBy, t.createdAt),
    pgPolicy('help_invitations_read', policyFor('select', requestPartiesOf(t))),
    pgPolicy(
      'help_invitations_insert',
      policyFor('insert', anyOf(isSystem, sql`(${officerOf(t.associationId)} and ${isCurrentUser(t.invitedBy)})`)),
    ),
    // the volunteer declines or accepts (by raising a hand); nobody else changes an invitation
    pgPolicy('help_invitations_update', policyFor('update', anyOf(isSystem, isCurrentUser(t.volunteerId)))),
  ],
);
