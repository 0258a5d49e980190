import { z } from 'zod';
import { cursor, keysetPage, limit } from './query-strings.ts';
import type { Role } from './roles.ts';

/**
 * The notification centre (issue 11): every kind of news a person gets, in the app always and by
 * mail as they choose per kind (at once, a daily or weekly digest, or off).
 */
export const notificationKinds = [
  // volunteers
  'requestFits',
  'invitedToHelp',
  'applicationAccepted',
  'applicationDeclined',
  'requestEnded',
  'storyConsent',
  // officers
  'handRaised',
  'matchWithdrawn',
  'moderationResult',
  'requestExpired',
  'noHands',
  // both sides of a match
  'newMessage',
  'markedDone',
  'workTomorrow',
  // municipal staff
  'reviewWaiting',
  'reviewOverdue',
  'flagRaised',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const mailModes = ['immediate', 'daily', 'weekly', 'off'] as const;
export const MailMode = z.enum(mailModes);
export type MailMode = z.infer<typeof MailMode>;

/** What a person gets by mail for a kind they never chose for: news that fits, at most a daily digest. */
export const defaultMailMode: Record<NotificationKind, MailMode> = {
  requestFits: 'daily',
  invitedToHelp: 'immediate',
  applicationAccepted: 'immediate',
  applicationDeclined: 'immediate',
  requestEnded: 'immediate',
  storyConsent: 'immediate',
  requestExpired: 'immediate',
  handRaised: 'immediate',
  matchWithdrawn: 'immediate',
  moderationResult: 'immediate',
  newMessage: 'immediate',
  markedDone: 'immediate',
  workTomorrow: 'immediate',
  noHands: 'immediate',
  reviewWaiting: 'immediate',
  reviewOverdue: 'daily',
  flagRaised: 'immediate',
};

const volunteers: readonly Role[] = ['volunteer'];
const officers: readonly Role[] = ['officer'];
const bothSides: readonly Role[] = ['volunteer', 'officer'];
const municipalStaff: readonly Role[] = ['municipal_staff'];

/** Who can get each kind: a person's mail choices list only the kinds of the hats they wear. */
export const notificationAudience: Record<NotificationKind, readonly Role[]> = {
  requestFits: volunteers,
  invitedToHelp: volunteers,
  applicationAccepted: volunteers,
  applicationDeclined: volunteers,
  requestEnded: volunteers,
  storyConsent: volunteers,
  handRaised: officers,
  matchWithdrawn: officers,
  moderationResult: officers,
  requestExpired: officers,
  noHands: officers,
  newMessage: bothSides,
  markedDone: bothSides,
  workTomorrow: bothSides,
  reviewWaiting: municipalStaff,
  reviewOverdue: municipalStaff,
  flagRaised: municipalStaff,
};

/** One notification as its recipient sees it; `params` are the values the web says it with (title …). */
export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  requestId: z.string().nullable(),
  applicationId: z.string().nullable(),
  params: z.record(z.string(), z.string()),
  /** a path of the web app, e.g. /requests/… */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** GET /api/notifications: newest first; pass `nextCursor` as `cursor` for older ones. */
export const NotificationsQuery = z.object({ cursor, limit: limit(50, 20) });
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const NotificationsPage = keysetPage(NotificationView).extend({ unread: z.number().int().min(0) });
export type NotificationsPage = z.infer<typeof NotificationsPage>;

/** POST /api/notifications/read: these (one or several), or every one (`all: true`). */
export const MarkNotificationsReadBody = z.union([
  z.object({
    ids: z
      .array(z.uuid({ error: 'NOTIFICATION_REQUIRED' }))
      .min(1)
      .max(50),
  }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBody>;

export const UnreadCount = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** A person's mail choice for each kind they can receive (in-app is always on). */
export const NotificationPreferences = z.object({
  preferences: z.array(z.object({ kind: NotificationKind, mode: MailMode })),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** PUT /api/me/notification-preferences: the kinds named change; the others stay. */
export const UpdateNotificationPreferencesBody = NotificationPreferences;
export type UpdateNotificationPreferencesBody = z.infer<typeof UpdateNotificationPreferencesBody>;

/** The signed token of an unsubscribe link (GET shows what it stops; POST stops it). */
export const UnsubscribeQuery = z.object({ key: z.string().min(1).max(300) });
export const UnsubscribeView = z.object({ kind: NotificationKind, mode: MailMode });
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;
