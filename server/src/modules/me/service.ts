import type { Database } from '@board/db';
import {
  can,
  DomainError,
  type Actor,
  type Me,
  type MyDataExport,
  type UpdateMeBody,
  type VolunteerProfile,
} from '@board/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import type { PasswordGuard } from '../auth/password-throttle.ts';
import { verifyPassword } from '../auth/secrets.ts';
import { endAllSessions } from '../auth/sessions.ts';
import { loadMe } from './load-me.ts';
import { accountRepository } from './repository.ts';

/** A transaction under row-level security as the request's actor (the request itself). */
type Access = Pick<FastifyRequest, 'withAccess'>;

function own(actor: Actor, action: 'me.read' | 'me.update' | 'me.export' | 'me.delete') {
  if (!can(actor, action, { ownerId: actor.userId })) throw new DomainError('FORBIDDEN');
}

export async function getMe(actor: Actor, access: Access): Promise<Me> {
  own(actor, 'me.read');
  return access.withAccess((tx) => loadMe(tx, actor.userId));
}

const unique = <T>(items: T[]) => [...new Set(items)];

export async function updateMe(actor: Actor, access: Access, body: UpdateMeBody): Promise<Me> {
  own(actor, 'me.update');
  const { volunteerProfile, ...account } = body;
  let profile: VolunteerProfile | undefined;
  if (volunteerProfile) {
    if (!actor.roles.some((g) => g.role === 'volunteer')) {
      throw new DomainError('FORBIDDEN', 'Only volunteers keep a volunteer profile.', [
        { field: 'volunteerProfile', code: 'NOT_A_VOLUNTEER' },
      ]);
    }
    profile = {
      ...volunteerProfile,
      skills: unique(volunteerProfile.skills),
      municipalityCodes: unique(volunteerProfile.municipalityCodes),
      languages: unique(volunteerProfile.languages),
    };
  }
  return access.withAccess(async (tx) => {
    const accounts = accountRepository(tx);
    if (profile) {
      const known = await accounts.knownMunicipalities(profile.municipalityCodes);
      const unknown = profile.municipalityCodes.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new DomainError('VALIDATION_FAILED', `Unknown municipality: ${unknown.join(', ')}`, [
          { field: 'volunteerProfile.municipalityCodes', code: 'MUNICIPALITY_UNKNOWN' },
        ]);
      }
    }
    const fields = Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined));
    await accounts.updateAccount(actor.userId, fields);
    if (profile) await accounts.saveVolunteerProfile(actor.userId, profile);
    return loadMe(tx, actor.userId);
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** All the person's data as one JSON document; the export itself is audit-logged. */
export async function exportMyData(actor: Actor, access: Access): Promise<MyDataExport> {
  own(actor, 'me.export');
  return access.withAccess(async (tx) => {
    const data = await accountRepository(tx).exportData(actor.userId);
    if (!data || data.account.email === null)
      throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');
    const me = await loadMe(tx, actor.userId);
    const { account } = data;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'me.export',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: account.id,
        email: account.email!,
        emailVerifiedAt: iso(account.emailVerifiedAt),
        displayName: account.displayName,
        language: account.language,
        notificationEmail: account.notificationEmail,
        phone: account.phone,
        hasPassword: account.passwordHash !== null,
        createdAt: account.createdAt.toISOString(),
      },
      roles: data.roles.map((r) => ({ ...r, since: r.since.toISOString() })),
      volunteerProfile: me.volunteerProfile,
      helpRequests: data.requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      sessions: data.sessions.map((s) => ({
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        endedAt: iso(s.revokedAt ?? s.rotatedAt),
      })),
      auditEntries: data.audit.map((e) => ({ at: e.at.toISOString(), action: e.action, details: e.details })),
    };
  });
}

/**
 * Deletes the account (anonymises it; see accountRepository.anonymise). The rule, also in
 * DeleteMeBody: an account with a password must give it (through the password throttle); one
 * without must send confirm "DELETE".
 *
 * The check runs under the person's own access. The removal runs with system access because
 * row-level security lets only staff remove role assignments; every statement in it is limited
 * to this one person's rows.
 */
export async function deleteMe(
  app: FastifyInstance,
  actor: Actor,
  access: Access,
  body: { password?: string | undefined; confirm?: 'DELETE' | undefined },
  guard: PasswordGuard,
): Promise<void> {
  own(actor, 'me.delete');
  const account = await access.withAccess((tx) => accountRepository(tx).findActive(actor.userId));
  if (!account) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');
  if (account.passwordHash) {
    if (!body.password) {
      throw new DomainError('VALIDATION_FAILED', 'Enter your password to delete the account.', [
        { field: 'password', code: 'PASSWORD_REQUIRED' },
      ]);
    }
    // the same throttle as sign-in: a stolen session must not become a way to guess the password
    const counted = account.email ?? account.id;
    await guard.before(counted);
    if (!(await verifyPassword(account.passwordHash, body.password))) {
      await guard.failed(counted, account.email ? { ...account, email: account.email } : null);
      throw new DomainError('PASSWORD_INCORRECT', 'The password is not correct.');
    }
    await guard.succeeded(counted);
  } else if (body.confirm !== 'DELETE') {
    throw new DomainError('VALIDATION_FAILED', 'Send confirm "DELETE" to delete an account without a password.', [
      { field: 'confirm', code: 'CONFIRM_REQUIRED' },
    ]);
  }

  await app.withSystemAccess(async (tx: Database) => {
    const accounts = accountRepository(tx);
    const grants = await accounts.roleAssignmentsOf(actor.userId);
    await accounts.anonymise(actor.userId);
    await endAllSessions(tx, actor.userId);
    // staff of each municipality see that a hat there was given up
    for (const grant of grants.filter((g) => g.municipalityCode !== null)) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'role.remove',
        municipalityCode: grant.municipalityCode,
        subjectType: 'user',
        subjectId: actor.userId,
        details: { role: grant.role, associationId: grant.associationId, reason: 'account_deleted' },
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'me.delete',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { roles: grants },
    });
  });
}
