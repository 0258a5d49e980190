import type { Database } from '@board/db';
import {
  can,
  DomainError,
  municipalityScope,
  type Actor,
  type FieldIssue,
  type Invitation,
  type Language,
  type Me,
} from '@board/shared';
import { publicLink, webPages } from '../../links/public-links.ts';
import { invitationMail, roleGrantedMail } from '../../mail/invitation-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { recordAudit } from '../audit/record.ts';
import { proveAddress } from '../auth/address-proof.ts';
import { isUniqueViolation } from '../../database/unique-violation.ts';
import { hashPassword, hashToken, newToken } from '../accounts/secrets.ts';
import type { SessionStarter } from '../accounts/sessions.ts';
import { loadMe } from '../accounts/load-me.ts';
import { accountRepository } from '../me/repository.ts';
import { invitationRepository, invitationView, stateOf, type InvitationRow } from './repository.ts';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';

export const invitationValidDays = 7;
const validity = (now: Date) => new Date(now.getTime() + invitationValidDays * 86_400_000);

type InvitedRole = 'municipal_staff' | 'officer';

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
async function createInvitation(
  tx: Database,
  actor: Actor,
  input: {
    role: InvitedRole;
    email: string;
    language: Language;
    municipality: { code: string; nameJa: string; nameEn: string };
    associationId: string | null;
  },
  now: Date,
): Promise<Created> {
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
  const { actor } = ctx;
  if (!can(actor, 'municipalStaff.invite', { municipalityCode: input.municipalityCode })) {
    throw new DomainError('FORBIDDEN', 'Only foundation staff invite municipal staff.');
  }
  const created = await ctx.door.asActor(actor, async (tx) => {
    const municipality = await invitationRepository(tx).municipality(input.municipalityCode);
    if (!municipality) {
      throw new DomainError('NOT_FOUND', 'No such municipality.', [{ field: 'municipalityCode', code: 'NOT_FOUND' }]);
    }
    return sendInvitation(
      ctx,
      tx,
      await createInvitation(
        tx,
        actor,
        {
          role: 'municipal_staff',
          email: input.email,
          language: input.language,
          municipality,
          associationId: null,
        },
        ctx.clock(),
      ),
    );
  });
  return invitationView(created.row, ctx.clock());
}

/** Municipal staff invite someone to be an officer of an association in their municipality. */
export async function inviteOfficer(
  ctx: SignedInContext,
  input: { email: string; associationId: string; language: Language },
): Promise<Invitation> {
  const { actor } = ctx;
  const created = await ctx.door.asActor(actor, async (tx) => {
    const invitations = invitationRepository(tx);
    // associations are public (their names stand beside their requests), so 404 reveals nothing
    const association = await invitations.association(input.associationId);
    if (!association) {
      throw new DomainError('NOT_FOUND', 'No such association.', [{ field: 'associationId', code: 'NOT_FOUND' }]);
    }
    if (!can(actor, 'officer.invite', { municipalityCode: association.municipalityCode })) {
      throw new DomainError('FORBIDDEN', "You may invite officers only to your own municipality's associations.");
    }
    const municipality = (await invitations.municipality(association.municipalityCode))!;
    return sendInvitation(
      ctx,
      tx,
      await createInvitation(
        tx,
        actor,
        {
          role: 'officer',
          email: input.email,
          language: input.language,
          municipality,
          associationId: association.id,
        },
        ctx.clock(),
      ),
    );
  });
  return invitationView(created.row, ctx.clock());
}

/** Invitations of one municipality (when asked for and allowed there), else all in the actor's scope. */
export async function listInvitations(
  ctx: SignedInContext,
  query: { municipalityCode?: string | undefined; state?: Invitation['state'] | undefined },
): Promise<Invitation[]> {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'invitation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not list these invitations.');
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const rows = await ctx.door.asActor(actor, (tx) =>
    invitationRepository(tx).list({ municipalityCodes, state: query.state }),
  );
  const now = ctx.clock();
  return rows.map((row) => invitationView(row, now));
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
    const municipality = (await invitations.municipality(row.municipalityCode))!;
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

function usableOrGone(row: InvitationRow | null, now: Date): InvitationRow {
  if (!row || stateOf(row, now) !== 'pending') {
    throw new DomainError('INVITATION_INVALID', 'This invitation link is no longer valid.');
  }
  return row;
}

/** What a link invites to, for the accept page. The token is the only key (system access). */
export async function previewInvitation(ctx: ServiceContext, token: string) {
  return ctx.door.asSystem('preview an invitation by its token', async (tx) => {
    const invitations = invitationRepository(tx);
    const row = usableOrGone(await invitations.findByTokenHash(hashToken(token)), ctx.clock());
    const municipality = (await invitations.municipality(row.municipalityCode))!;
    return {
      role: row.role,
      email: row.email,
      municipalityCode: row.municipalityCode,
      municipalityName: municipality.nameJa,
      municipalityNameEn: municipality.nameEn,
      associationName: row.associationName,
      expiresAt: row.expiresAt.toISOString(),
      accountExists: (await accountRepository(tx).findActiveByEmail(row.email)) !== null,
    };
  });
}

/**
 * Accepts an invitation. The token is the authority, so this runs with system access (the invitee
 * holds no role that row-level security would let write a role assignment):
 * - signed in with the invited email → the role is added to that account;
 * - signed in with another email → 409 INVITATION_EMAIL_MISMATCH (a forwarded link grants nothing);
 * - not signed in, an account has the email → 401 INVITATION_SIGN_IN_REQUIRED;
 * - not signed in, no account → a new account (email verified: they opened the link) and a session.
 * A revoked, expired or used link is 410 INVITATION_INVALID; of two acceptances at once one wins.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  sessionId: string | null,
  startSession: SessionStarter,
  body: { token: string; displayName?: string | undefined; password?: string | undefined },
): Promise<{ me: Me; session: { accessToken: string; expiresIn: number } | null }> {
  const { actor } = ctx;
  return ctx.door.asSystem('accept an invitation by its token', async (tx) => {
    const invitations = invitationRepository(tx);
    const accounts = accountRepository(tx);
    const row = usableOrGone(await invitations.findByTokenHash(hashToken(body.token)), ctx.clock());
    // claim before anything else: a second acceptance at the same moment waits here, then loses
    // (410), rather than finding the account the first one made (401); a refusal below rolls it back
    if (!(await invitations.claim(row.id))) {
      throw new DomainError('INVITATION_INVALID', 'This invitation link is no longer valid.');
    }

    let existing: { id: string; language: Language; email: string; notificationEmail: string | null } | null = null;
    if (actor) {
      const account = await accounts.findActive(actor.userId);
      if (!account || account.email !== row.email) {
        throw new DomainError('INVITATION_EMAIL_MISMATCH', 'This invitation was sent to another email address.');
      }
      existing = {
        id: account.id,
        language: account.language,
        email: account.email,
        notificationEmail: account.notificationEmail,
      };
    } else {
      if (await accounts.findActiveByEmail(row.email)) {
        throw new DomainError(
          'INVITATION_SIGN_IN_REQUIRED',
          'An account with this email exists: sign in, then accept.',
        );
      }
      const missing: FieldIssue[] = [];
      if (!body.displayName) missing.push({ field: 'displayName', code: 'DISPLAY_NAME_REQUIRED' });
      if (!body.password) missing.push({ field: 'password', code: 'PASSWORD_REQUIRED' });
      if (missing.length) throw new DomainError('VALIDATION_FAILED', 'Choose a name and a password.', missing);
    }

    let userId: string;
    if (existing) {
      userId = existing.id;
      // the link proves the address; being signed in proves the password, so only other sessions end
      await proveAddress(tx, userId, { sessionId: sessionId ?? undefined });
    } else {
      const created = await accounts.insertUser({
        email: row.email,
        displayName: body.displayName!,
        language: row.language,
        passwordHash: await hashPassword(body.password!),
        emailVerified: true,
      });
      if (!created) {
        throw new DomainError(
          'INVITATION_SIGN_IN_REQUIRED',
          'An account with this email exists: sign in, then accept.',
        );
      }
      userId = created;
    }

    const granted = await accounts.grantRole(userId, {
      role: row.role,
      municipalityCode: row.municipalityCode,
      associationId: row.associationId,
    });
    await invitations.setAcceptedBy(row.id, userId);
    await recordAudit(tx, {
      actorId: userId,
      action: 'invitation.accept',
      municipalityCode: row.municipalityCode,
      subjectType: 'invitation',
      subjectId: row.id,
      details: { role: row.role, associationId: row.associationId, newAccount: existing === null },
    });
    if (granted) {
      await recordAudit(tx, {
        actorId: row.invitedBy,
        action: 'role.grant',
        municipalityCode: row.municipalityCode,
        subjectType: 'user',
        subjectId: userId,
        details: { role: row.role, associationId: row.associationId, invitationId: row.id },
      });
    }
    const municipality = (await invitations.municipality(row.municipalityCode))!;
    const me = await loadMe(tx, userId);
    // last, so no session cookie is set for work that then fails
    if (existing && granted) {
      const to = [{ email: existing.notificationEmail ?? existing.email, language: existing.language }];
      const vars = { role: row.role, municipality, associationName: row.associationName };
      await sendMail(ctx, { template: roleGrantedMail, to, vars, municipalityCode: row.municipalityCode }, tx);
    }
    const session = existing ? null : await startSession(tx, userId);
    return { me, session };
  });
}
