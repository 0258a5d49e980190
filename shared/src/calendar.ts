import { z } from 'zod';

/**
 * Calendars (issue 11): a match's calendar file (getMatchCalendar) and each person's private
 * calendar feed (getMyCalendarFeed), an address with a secret token that lists their matched work
 * without sign-in. Only the token's hash is kept, so the address is shown once, when made.
 */
export const CalendarFeedView = z.object({
  /** whether the person has a working feed address */
  active: z.boolean(),
  /** when the current address was made (null: none) */
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  /** the address itself: only in the answer that made it (it cannot be shown again) */
  url: z.string().nullable(),
});
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;

/** The feed's query: its secret token (base64url of 32 random bytes). */
export const CalendarFeedQuery = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
