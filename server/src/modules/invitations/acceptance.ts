import { DomainError, type FieldIssue, type Language, type Me } from '@board/shared';
import { roleGrantedMail } from '../../mail/invitation-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { recordAudit } from '../audit/record.ts';
import { proveAddress } from '../auth/address-proof.ts';
import { hashPassword, hashToken } from '../accounts/secrets.ts';
import type { SessionStarter } from '../accounts/sessions.ts';
import { loadMe } from '../accounts/load-me.ts';
import { accountRepository } from '../me/repository.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { invitationRepository, stateOf, type InvitationRow } from './repository.ts';
import type { ServiceContext } from '../../services/context.ts';

/** The invitee's side of an invitation: what the link invites to, and accepting it (the token is the key). */

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
    const municipality = (await municipalityRepository(tx).find(row.municipalityCode))!;
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
    const municipality = (await municipalityRepository(tx).find(row.municipalityCode))!;
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
