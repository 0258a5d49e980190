import type { FlagTargetType, NotificationKind } from '@board/shared';
import type { ContactDeskVars } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';

/** To staff: a request reached their review queue. */
export const reviewWaitingMail = mailFromCatalogue<{ title: string; associationName: string; link: string }>(
  'reviewWaiting',
);

/** To staff: someone reported a request or a message in their municipality. */
export const flagRaisedMail = mailFromCatalogue<{
  targetType: FlagTargetType;
  municipality: { nameJa: string; nameEn: string };
  link: string;
}>('flagRaised', {
  // the target's name is a part of the mail's texts, one per target type
  choose: (v) => ({ targetLabel: v.targetType }),
  compute: (v, language) => ({
    municipalityName: language === 'en' ? v.municipality.nameEn : v.municipality.nameJa,
  }),
});

/** To staff: the requests that have waited more than two days for review (the daily check). */
export const reviewOverdueMail = mailFromCatalogue<{ titles: string[]; link: string }>('reviewOverdue', {
  compute: (v) => ({ count: v.titles.length, items: v.titles.map((t) => `・${t}`).join('\n') }),
});

/** To a volunteer: a newly published request fits their skills and area. */
export const requestFitsMail = mailFromCatalogue<
  { title: string; associationName: string; link: string } & ContactDeskVars
>('requestFits');

/** To a volunteer: the association wrote a story about their help; they choose to be named or not. */
export const storyConsentMail = mailFromCatalogue<{ title: string; associationName: string; link: string }>(
  'storyConsent',
);

export interface DigestVars {
  kind: NotificationKind;
  cadence: 'daily' | 'weekly';
  /** one line per notification: what it is about and its link */
  items: { text: string; link: string }[];
  link: string;
}

/** One mail grouping a person's waiting notifications of one kind (daily or weekly digest). */
export const digestMail = mailFromCatalogue<DigestVars>('digest', {
  // the kind's name and the period are parts of the mail's texts (one per kind, one per cadence)
  choose: (v) => ({ kindLabel: v.kind, period: v.cadence }),
  compute: (v) => ({
    count: v.items.length,
    items: v.items.map((item) => `・${item.text}\n  ${item.link}`).join('\n'),
  }),
});
