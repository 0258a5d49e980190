import {
  ApplicationDetail,
  ApplicationForOfficer,
  ApplicationList,
  ApplyBody,
  DecisionBody,
  IdParams,
  MyApplication,
  MyApplicationList,
} from '@board/shared';
import {
  acceptApplication,
  applyToRequest,
  declineApplication,
  listApplications,
  listMyApplications,
  withdrawApplication,
} from './service.ts';
import { getApplication, showMatchContact } from './detail.ts';
import { byId, byIdAndBody, defineRoutes, route } from '../../routes/define-routes.ts';

/** Applications (手挙げ): volunteers raise a hand, the association's officers decide. */
export default defineRoutes('applications', {
  applyToRequest: route('POST /api/requests/:id/applications', {
    summary: 'Raise a hand for a published request (volunteer with a verified email)',
    description:
      'One live application per volunteer and request: a second one, also from a double click, is 409 ' +
      'ALREADY_APPLIED. 409 REQUEST_FILLED when every slot is matched, REQUEST_NOT_OPEN when it is not ' +
      'published, APPLICATION_DEADLINE_PASSED after the deadline; 403 EMAIL_NOT_VERIFIED, OWN_ASSOCIATION_REQUEST.',
    input: { params: IdParams, body: ApplyBody },
    response: { 201: MyApplication },
    errors: [403, 409],
    handler: byIdAndBody(applyToRequest),
  }),
  listApplications: route('GET /api/requests/:id/applications', {
    summary:
      "A request's applicants with their public profile (its officers, the municipality's staff, the foundation)",
    description:
      "Matched applicants include their contact details for the association's officers only, once opened " +
      '(accepting opens them; see showMatchContact); private ratings are included for staff and the foundation only.',
    input: { params: IdParams },
    response: { 200: ApplicationList },
    errors: [403],
    handler: byId(listApplications),
  }),
  getApplication: route('GET /api/applications/:id', {
    summary: "One application: for its volunteer, the request's officers, the municipality's staff and the foundation",
    description:
      'Anyone else gets 404. Contact details are included once that side opened them (showMatchContact); ' +
      'reading writes nothing.',
    input: { params: IdParams },
    response: { 200: ApplicationDetail },
    handler: byId(getApplication),
  }),
  showMatchContact: route('POST /api/applications/:id/contact', {
    summary: "Show the other side's contact details of a match (its volunteer or the association's officers)",
    description:
      'The first opening per side is audited as contact.reveal; accepting a hand opens the volunteer’s ' +
      'contact to the association at once. 409 NOT_MATCHED before a match; 403 for staff (they give a reason ' +
      'through revealOfficerContact); 404 for anyone who cannot see the application.',
    input: { params: IdParams },
    response: { 200: ApplicationDetail },
    errors: [403, 409],
    handler: byId(showMatchContact),
  }),
  listMyApplications: route('GET /api/me/applications', {
    summary: 'Your own applications and matches, newest first (at most 500)',
    description:
      "Matches include the exact place, and the association's contact person once opened (showMatchContact).",
    response: { 200: MyApplicationList },
    handler: listMyApplications,
  }),
  withdrawApplication: route('POST /api/applications/:id/withdraw', {
    summary: 'Take your hand back (pending, or matched and not yet done); a match gives its slot back',
    input: { params: IdParams },
    response: { 200: MyApplication },
    errors: [403, 409],
    handler: byId(withdrawApplication),
  }),
  acceptApplication: route('POST /api/applications/:id/accept', {
    summary: 'Accept a pending hand: a match (officer of the association); 409 REQUEST_FILLED when no slot is left',
    description:
      'Slots are exact under a race: of many acceptances at once exactly the free slots succeed. The answer ' +
      "includes the volunteer's contact (its opening is audited as contact.reveal). The body (an optional note) may be omitted.",
    input: { params: IdParams, body: DecisionBody.nullish() },
    response: { 200: ApplicationForOfficer },
    errors: [403, 409],
    handler: (context, { params, body }) => acceptApplication(context, params.id, body?.note || null),
  }),
  declineApplication: route('POST /api/applications/:id/decline', {
    summary: 'Decline a pending hand with an optional note (officer of the association)',
    description: 'The body (an optional note shown to the volunteer) may be omitted.',
    input: { params: IdParams, body: DecisionBody.nullish() },
    response: { 200: ApplicationForOfficer },
    errors: [403, 409],
    handler: (context, { params, body }) => declineApplication(context, params.id, body?.note || null),
  }),
});
