import type { Me } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

/** One part of "My page", on a page of its own. */
export interface MyPagePart {
  href: string;
  title: MessageKey;
  hint: MessageKey;
  /**
   * The ids its sections had when /me was a single page: an old link (`/me#calendar-heading`)
   * lands on the link to its new page.
   */
  formerAnchors: string[];
}

/** The parts of /me a person has, in the order the overview lists them (some are a volunteer's only). */
export function myPageParts(me: Me): MyPagePart[] {
  const volunteer = me.roles.some((grant) => grant.role === 'volunteer');
  const parts: (MyPagePart & { volunteerOnly?: boolean })[] = [
    {
      href: '/me/profile',
      title: 'account.me.part.profile',
      hint: 'account.me.part.profileHint',
      formerAnchors: ['profile-heading', 'password-heading', 'email-heading'],
    },
    {
      href: '/me/skills',
      title: 'account.volunteer.heading',
      hint: 'account.me.part.skillsHint',
      formerAnchors: ['volunteer-heading'],
      volunteerOnly: true,
    },
    {
      href: '/me/availability',
      title: 'account.me.part.availability',
      hint: 'account.me.part.availabilityHint',
      formerAnchors: [],
      volunteerOnly: true,
    },
    {
      href: '/me/applications',
      title: 'board.mine.title',
      hint: 'account.me.part.applicationsHint',
      formerAnchors: [],
      volunteerOnly: true,
    },
    {
      href: '/me/help-invitations',
      title: 'invite.mine.title',
      hint: 'account.me.part.invitationsHint',
      formerAnchors: [],
      volunteerOnly: true,
    },
    {
      href: '/me/notifications',
      title: 'notices.prefs.title',
      hint: 'account.me.part.notificationsHint',
      formerAnchors: [],
    },
    {
      href: '/me/calendar',
      title: 'account.calendar.heading',
      hint: 'account.me.part.calendarHint',
      formerAnchors: ['calendar-heading'],
    },
    {
      href: '/me/data',
      title: 'account.data.heading',
      hint: 'account.me.part.dataHint',
      formerAnchors: ['data-heading', 'delete-heading'],
    },
  ];
  return parts.filter((part) => volunteer || !part.volunteerOnly);
}
