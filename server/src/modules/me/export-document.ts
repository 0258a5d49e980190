import type { MyDataExport, VolunteerProfile } from '@board/shared';
import type { accountRepository } from './repository.ts';
import type { personalDataRepository } from './export-repository.ts';
import { iso } from '../../services/iso.ts';

type AccountData = NonNullable<Awaited<ReturnType<ReturnType<typeof accountRepository>['exportData']>>>;
type Repo = ReturnType<typeof personalDataRepository>;
interface HeldData {
  applications: Awaited<ReturnType<Repo['applications']>>;
  helpInvitations: Awaited<ReturnType<Repo['helpInvitations']>>;
  messages: Awaited<ReturnType<Repo['messagesWritten']>>;
  thanks: Awaited<ReturnType<Repo['thanks']>>;
  ratings: Awaited<ReturnType<Repo['ratings']>>;
  flags: Awaited<ReturnType<Repo['flagsRaised']>>;
  audit: Awaited<ReturnType<Repo['auditEntries']>>;
  notifications: Awaited<ReturnType<Repo['notifications']>>;
  notificationPreferences: Awaited<ReturnType<Repo['notificationPreferences']>>;
  calendarFeed: Awaited<ReturnType<Repo['calendarFeed']>>;
}

/** The rows as the downloaded JSON file shows them (GET /api/me/export): dates as ISO text, no secrets. */
export function exportDocument(
  own: AccountData & { volunteerProfile: VolunteerProfile | null },
  held: HeldData,
  exportedAt: Date,
): MyDataExport {
  const { account } = own;
  return {
    exportedAt: exportedAt.toISOString(),
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
    roles: own.roles.map((r) => ({ ...r, since: r.since.toISOString() })),
    volunteerProfile: own.volunteerProfile,
    helpRequests: own.requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    applications: held.applications.map((a) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      decidedAt: iso(a.decidedAt),
      withdrawnAt: iso(a.withdrawnAt),
      completedAt: iso(a.completedAt),
      confirmedAt: iso(a.confirmedAt),
    })),
    helpInvitations: held.helpInvitations.map((i) => ({
      ...i,
      createdAt: i.createdAt.toISOString(),
      decidedAt: iso(i.decidedAt),
    })),
    messages: held.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), hiddenAt: iso(m.hiddenAt) })),
    thanks: held.thanks.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
    ratings: held.ratings.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    flags: held.flags.map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), resolvedAt: iso(f.resolvedAt) })),
    sessions: own.sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      endedAt: iso(s.revokedAt ?? s.rotatedAt),
    })),
    auditEntries: held.audit.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      byThem: e.byThem,
      details: e.details,
    })),
    notifications: held.notifications.map((n) => ({
      ...n,
      mailedAt: iso(n.mailedAt),
      createdAt: n.createdAt.toISOString(),
      readAt: iso(n.readAt),
    })),
    notificationPreferences: held.notificationPreferences.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })),
    calendarFeed: held.calendarFeed ? { createdAt: held.calendarFeed.createdAt.toISOString() } : null,
  };
}
