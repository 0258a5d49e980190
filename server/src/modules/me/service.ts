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
import { recordAudit } from '../audit/record.ts';
import type { PasswordGuard } from '../accounts/password-throttle.ts';
import { verifyPassword } from '../accounts/secrets.ts';
import { endAllSessions } from '../accounts/session-repository.ts';
import { exportDocument } from './export-document.ts';
import { personalDataRepository } from './export-repository.ts';
import { loadMe } from '../accounts/load-me.ts';
import { accountRepository } from './repository.ts';
import type { SignedInContext } from '../../services/context.ts';

function own(actor: Actor, action: 'me.read' | 'me.update' | 'me.export' | 'me.delete') {
  if (!can(actor, action, { ownerId: actor.userId })) throw new DomainError('FORBIDDEN');
}

export async function getMe(ctx: SignedInContext): Promise<Me> {
  const { actor } = ctx;
  own(actor, 'me.read');
  return ctx.door.asActor(actor, (tx) => loadMe(tx, actor.userId));
}

const unique = <T>(items: T[]) => [...new Set(items)];

/** One entry per skill; a skill given twice keeps the higher level (teach over can). */
function uniqueSkills(skills: VolunteerProfile['skills']): VolunteerProfile['skills'] {
  const byKey = new Map<string, VolunteerProfile['skills'][number]>();
  for (const skill of skills) {
    const before = byKey.get(skill.key);
    if (!before || skill.level === 'teach') byKey.set(skill.key, skill);
  }
  return [...byKey.values()];
}

export async function updateMe(ctx: SignedInContext, body: UpdateMeBody): Promise<Me> {
  const { actor } = ctx;
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
      skills: uniqueSkills(volunteerProfile.skills),
      interestCategories: unique(volunteerProfile.interestCategories),
      availabilitySlots: unique(volunteerProfile.availabilitySlots),
      municipalityCodes: unique(volunteerProfile.municipalityCodes),
      languages: unique(volunteerProfile.languages),
    };
  }
  return ctx.door.asActor(actor, async (tx) => {
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

/**
 * All the person's data as one JSON document; the export itself is audit-logged. The account
 * part is read as the person; the rest with system access (see personalDataRepository).
 */
export async function exportMyData(ctx: SignedInContext): Promise<MyDataExport> {
  const { actor } = ctx;
  own(actor, 'me.export');
  const ownData = await ctx.door.asActor(actor, async (tx) => {
    const data = await accountRepository(tx).exportData(actor.userId);
    if (!data || data.account.email === null)
      throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');
    const me = await loadMe(tx, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'me.export',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return { ...data, volunteerProfile: me.volunteerProfile };
  });
  const held = await ctx.door.asSystem('export what others hold about the person', async (tx) => {
    const repo = personalDataRepository(tx);
    return {
      applications: await repo.applications(actor.userId),
      helpInvitations: await repo.helpInvitations(actor.userId),
      messages: await repo.messagesWritten(actor.userId),
      thanks: await repo.thanks(actor.userId),
      ratings: await repo.ratings(actor.userId),
      flags: await repo.flagsRaised(actor.userId),
      audit: await repo.auditEntries(actor.userId),
      notifications: await repo.notifications(actor.userId),
      notificationPreferences: await repo.notificationPreferences(actor.userId),
      calendarFeed: await repo.calendarFeed(actor.userId),
    };
  });
  return exportDocument(ownData, held, ctx.clock());
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
  ctx: SignedInContext,
  body: { password?: string | undefined; confirm?: 'DELETE' | undefined },
  guard: PasswordGuard,
): Promise<void> {
  const { actor } = ctx;
  own(actor, 'me.delete');
  const account = await ctx.door.asActor(actor, (tx) => accountRepository(tx).findActive(actor.userId));
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

  await ctx.door.asSystem("delete the person's own account", async (tx: Database) => {
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
