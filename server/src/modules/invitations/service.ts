import type { Database } from '@board/db';
import {
  can,
  DomainError,
  municipalityScope,
  type Actor,
  type Invitation,
  type InvitedRole,
  type Language,
} from '@board/shared';
import { publicLink, webPages } from '../../links/public-links.ts';
import { invitationMail } from '../../mail/invitation-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../../database/unique-violation.ts';
import { newToken } from '../accounts/secrets.ts';
import { accountRepository } from '../me/repository.ts';
import { associationRepository } from '../associations/repository.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { invitationRepository, invitationView, type InvitationRow } from './repository.ts';
import { authorize } from '../../services/authorize.ts';
import type { SignedInContext } from '../../services/context.ts';

export const invitationValidDays = 7;
const validity = (now: Date) => new Date(now.getTime() + invitationValidDays * 86_400_000);

interface NewInvitation {
  role: InvitedRole;
  email: string;
  language: Language;
  municipality: { code: string; nameJa: string; nameEn: string };
  associationId: string | null;
}

interface Created {
  row: InvitationRow;
  token: string;
  municipality: { nameJa: string; nameEn: string };
  inviterName: string | null;
}

/**
 * Queues the link's mail in the invitation's transaction, unless this inviter already mailed this
 * address too often today (limits/mail-throttle.ts). Returns what it was given.
 */
async function sendInvitation(ctx: SignedInContext, tx: Database, created: Created): Promise<Created> {
  const { row, token, municipality, inviterName } = created;
  const mail = {
    template: invitationMail,
    to: [row],
    vars: {
      role: row.role,
      municipality,
      associationName: row.associationName,
      inviterName,
      link: publicLink(ctx.config, webPages.acceptInvitation, { token }),
      expiresAt: row.expiresAt,
    },
    throttle: { kind: 'invitation' as const, per: [ctx.actor.userId, row.email] },
    municipalityCode: row.municipalityCode,
  };
  await sendMail(ctx, mail, tx);
  return created;
}

/** Makes an invitation inside the caller's transaction; refuses a duplicate or a hat already worn. */
async function createInvitation(tx: Database, actor: Actor, input: NewInvitation, now: Date): Promise<Created> {
  const invitations = invitationRepository(tx);
  const accounts = accountRepository(tx);
  const grant = { role: input.role, municipalityCode: input.municipality.code, associationId: input.associationId };
  if (await accounts.emailHoldsRole(input.email, grant)) {
    throw new DomainError('ROLE_ALREADY_HELD', 'This person already has this role.', [
      { field: 'email', code: 'ROLE_ALREADY_HELD' },
    ]);
  }
  const stillOpen = () =>
    new DomainError('INVITATION_PENDING', 'An invitation to this address is still open; resend it instead.', [
      { field: 'email', code: 'INVITATION_PENDING' },
    ]);
  if (await invitations.findPending({ email: input.email, ...grant })) throw stillOpen();
  await invitations.retireExpired({ email: input.email, ...grant });
  const { token, hash } = newToken();
  const id = await invitations
    .insert({
      role: input.role,
      email: input.email,
      language: input.language,
      municipalityCode: input.municipality.code,
      associationId: input.associationId,
      invitedBy: actor.userId,
      tokenHash: hash,
      expiresAt: validity(now),
    })
    .catch((err: unknown) => {
      // a double submit that passed the check above at the same moment (invitations_one_open_idx)
      throw isUniqueViolation(err) ? stillOpen() : err;
    });
  const row = (await invitations.find(id))!;
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'invitation.create',
    municipalityCode: row.municipalityCode,
    subjectType: 'invitation',
    subjectId: row.id,
    details: { role: row.role, associationId: row.associationId, associationName: row.associationName },
  });
  const inviter = await accounts.findActive(actor.userId);
  return { row, token, municipality: input.municipality, inviterName: inviter?.displayName ?? null };
}

/** Foundation staff invite someone to be staff of one municipality. */
export async function inviteMunicipalStaff(
  ctx: SignedInContext,
  input: { email: string; municipalityCode: string; language: Language },
): Promise<Invitation> {
  authorize(ctx.actor, 'municipalStaff.invite', 'Only foundation staff invite municipal staff.', {
    municipalityCode: input.municipalityCode,
  });
  return invite(ctx, 'municipal_staff', input, async (tx) => {
    const municipality = await municipalityRepository(tx).find(input.municipalityCode);
    if (!municipality) {
      throw new DomainError('NOT_FOUND', 'No such municipality.', [{ field: 'municipalityCode', code: 'NOT_FOUND' }]);
    }
    return { municipality, associationId: null };
  });
}

/** Municipal staff invite someone to be an officer of an association in their municipality. */
export async function inviteOfficer(
  ctx: SignedInContext,
  input: { email: string; associationId: string; language: Language },
): Promise<Invitation> {
  return invite(ctx, 'officer', input, async (tx) => {
    // associations are public (their names stand beside their requests), so 404 reveals nothing
    const association = await associationRepository(tx).find(input.associationId);
    if (!association) {
      throw new DomainError('NOT_FOUND', 'No such association.', [{ field: 'associationId', code: 'NOT_FOUND' }]);
    }
    authorize(ctx.actor, 'officer.invite', "You may invite officers only to your own municipality's associations.", {
      municipalityCode: association.municipalityCode,
    });
    const municipality = (await municipalityRepository(tx).find(association.municipalityCode))!;
    return { municipality, associationId: association.id };
  });
}

/**
 * Invites `input.email` to wear `role` where `place` says (found, and checked, in the same
 * transaction), and mails the link.
 */
async function invite(
  ctx: SignedInContext,
  role: InvitedRole,
  input: { email: string; language: Language },
  place: (tx: Database) => Promise<Pick<NewInvitation, 'municipality' | 'associationId'>>,
): Promise<Invitation> {
  const created = await ctx.door.asActor(ctx.actor, async (tx) => {
    const where = await place(tx);
    const invitation = { role, email: input.email, language: input.language, ...where };
    return sendInvitation(ctx, tx, await createInvitation(tx, ctx.actor, invitation, ctx.clock()));
  });
  return invitationView(created.row, ctx.clock());
}

/** Invitations of one municipality (when asked for and allowed there), else all in the actor's scope. */
export async function listInvitations(
  ctx: SignedInContext,
  query: { municipalityCode?: string | undefined; state?: Invitation['state'] | undefined },
): Promise<{ items: Invitation[] }> {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'invitation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not list these invitations.');
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const rows = await ctx.door.asActor(actor, (tx) =>
    invitationRepository(tx).list({ municipalityCodes, state: query.state }),
  );
  const now = ctx.clock();
  return { items: rows.map((row) => invitationView(row, now)) };
}

/**
 * Finds an invitation the actor may manage. One another municipality's staff cannot see (row-level
 * security) is 404; one they can see but not manage (e.g. a staff invitation) is 403.
 */
async function manageable(tx: Database, actor: Actor, id: string): Promise<InvitationRow> {
  const row = await invitationRepository(tx).find(id);
  if (!row) throw new DomainError('NOT_FOUND', 'No such invitation.');
  const action = row.role === 'officer' ? 'invitation.manageOfficer' : 'invitation.manageStaff';
  if (!can(actor, action, { municipalityCode: row.municipalityCode })) {
    throw new DomainError(
      can(actor, 'invitation.list', { municipalityCode: row.municipalityCode }) ? 'FORBIDDEN' : 'NOT_FOUND',
      'You may not manage this invitation.',
    );
  }
  return row;
}

/** A new link (the old one stops working) valid for another 7 days, mailed again. */
export async function resendInvitation(ctx: SignedInContext, id: string): Promise<Invitation> {
  const { actor } = ctx;
  const created = await ctx.door.asActor(actor, async (tx) => {
    const invitations = invitationRepository(tx);
    const row = await manageable(tx, actor, id);
    const { token, hash } = newToken();
    if (!(await invitations.renew(row.id, hash, validity(ctx.clock())))) {
      throw new DomainError('INVITATION_NOT_PENDING', 'This invitation was already accepted or revoked.');
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'invitation.resend',
      municipalityCode: row.municipalityCode,
      subjectType: 'invitation',
      subjectId: row.id,
      details: { role: row.role, associationId: row.associationId },
    });
    const municipality = (await municipalityRepository(tx).find(row.municipalityCode))!;
    const inviter = await accountRepository(tx).findActive(actor.userId);
    const renewed = (await invitations.find(row.id))!;
    return sendInvitation(ctx, tx, { row: renewed, token, municipality, inviterName: inviter?.displayName ?? null });
  });
  return invitationView(created.row, ctx.clock());
}

/** The link stops working. Revoking a revoked invitation changes nothing; an accepted one cannot be. */
export async function revokeInvitation(ctx: SignedInContext, id: string): Promise<Invitation> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const invitations = invitationRepository(tx);
    const row = await manageable(tx, actor, id);
    if (row.acceptedAt) {
      throw new DomainError('INVITATION_NOT_PENDING', 'This invitation was already accepted.');
    }
    if (await invitations.revoke(row.id)) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'invitation.revoke',
        municipalityCode: row.municipalityCode,
        subjectType: 'invitation',
        subjectId: row.id,
        details: { role: row.role, associationId: row.associationId },
      });
    }
    return invitationView((await invitations.find(row.id))!, ctx.clock());
  });
}
