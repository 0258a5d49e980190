import type { ContactDeskVars } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';

export interface NewApplicationVars extends ContactDeskVars {
  requestTitle: string;
  volunteerName: string;
  link: string;
}

export interface DecisionVars extends ContactDeskVars {
  requestTitle: string;
  associationName: string;
  note: string | null;
  link: string;
}

export interface NewMessageVars extends ContactDeskVars {
  requestTitle: string;
  /** the association's name or the volunteer's display name */
  fromName: string;
  link: string;
}

/** The same as a new hand: who and which request. */
export type MatchWithdrawnVars = NewApplicationVars;

export interface MarkedDoneVars extends ContactDeskVars {
  requestTitle: string;
  associationName: string;
  link: string;
}

/** To the association: a volunteer raised a hand. */
export const newApplicationMail = mailFromCatalogue<NewApplicationVars>('newApplication');

/** To the volunteer: the association accepted — a match (the officer's note, if any, quoted). */
export const applicationAcceptedMail = mailFromCatalogue<DecisionVars>('applicationAccepted');

/** To the volunteer: the association declined, kindly. */
export const applicationDeclinedMail = mailFromCatalogue<DecisionVars>('applicationDeclined');

/** To the other side of a match: new messages (at most one mail per 15 minutes per thread and side; no message text). */
export const newMessageMail = mailFromCatalogue<NewMessageVars>('newMessage');

/** To the association: a matched volunteer withdrew; the slot is open again. */
export const matchWithdrawnMail = mailFromCatalogue<MatchWithdrawnVars>('matchWithdrawn');

/** To the volunteer: the association marked the work done; please confirm. */
export const markedDoneMail = mailFromCatalogue<MarkedDoneVars>('markedDone');
