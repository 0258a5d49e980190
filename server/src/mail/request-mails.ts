import { mailFromCatalogue } from './catalogue.ts';
import type { ContactDeskVars } from './compose.ts';

/** What every mail about one help request names; its municipality's desk goes at the foot. */
export interface RequestMailVars extends ContactDeskVars {
  title: string;
  associationName: string;
  municipality: { nameJa: string; nameEn: string };
  /** officers: their page of the request (webPages.officerRequest); volunteers: its public page */
  link: string;
}

/** A decision that comes with the staff's reason (changes requested, rejected, closed). */
export interface ReasonMailVars extends RequestMailVars {
  reason: string;
}

/** The staff's reason quoted line by line (`{quotedReason}`), as a mail reader shows a quotation. */
const quoted = { compute: (v: ReasonMailVars) => ({ quotedReason: v.reason.replace(/^/gm, '> ') }) };

/** Staff approved: the request is on the board. */
export const requestApprovedMail = mailFromCatalogue<RequestMailVars>('requestApproved');

/** Staff asked for changes, with their reason; the officer edits and submits again. */
export const requestChangesRequestedMail = mailFromCatalogue<ReasonMailVars>('requestChangesRequested', quoted);

/** Staff rejected the request, with their reason; questions go to the desk at the foot, or to the municipality. */
export const requestRejectedMail = mailFromCatalogue<ReasonMailVars>('requestRejected', {
  ...quoted,
  choose: (v) => ({ ask: v.contactDesk ? 'askDesk' : 'askOffice' }),
});

/** Staff closed a published request, with their reason. */
export const requestClosedMail = mailFromCatalogue<ReasonMailVars>('requestClosed', quoted);

/** The application deadline passed with slots still open; the officer may copy it to post again. */
export const requestExpiredMail = mailFromCatalogue<RequestMailVars>('requestExpired');

/** How a request a volunteer raised a hand for left the board. */
export type RequestEnding = 'withdrawn' | 'closed' | 'expired';

export interface RequestEndedVars extends RequestMailVars {
  ending: RequestEnding;
}

/** To volunteers who raised a hand (or were matched): the request left the board and will not go ahead. */
export const requestEndedForVolunteerMail = mailFromCatalogue<RequestEndedVars>('requestEndedForVolunteer', {
  choose: (v) => ({ ending: v.ending }),
});
