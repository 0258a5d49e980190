import { ApplicationForOfficer, IdParams, MyApplication, ThanksBody, ThanksView } from '@board/shared';
import { completeMatch, confirmCompletion, sendThanks } from './service.ts';
import { byId, byIdAndBody, defineRoutes, route } from '../../routes/define-routes.ts';

/** The end of a match: the officer marks it done, the volunteer confirms, both may thank. */
export default defineRoutes('completion', {
  completeMatch: route('POST /api/applications/:id/complete', {
    summary: 'Mark a match done (officer of the association); the volunteer is asked to confirm',
    input: { params: IdParams },
    response: { 200: ApplicationForOfficer },
    errors: [403, 409],
    handler: byId(completeMatch),
  }),
  confirmCompletion: route('POST /api/applications/:id/confirm', {
    summary: 'Confirm a match the association marked done (the volunteer); the last one completes the request',
    input: { params: IdParams },
    response: { 200: MyApplication },
    errors: [403, 409],
    handler: byId(confirmCompletion),
  }),
  sendThanks: route('POST /api/applications/:id/thanks', {
    summary: 'Thank the other side of a finished match, once per side, with an optional private rating',
    description:
      'The rating (1–5 with a comment) is read only by the municipality’s staff and the foundation. ' +
      '409 NOT_COMPLETED before the officer marked the match done, ALREADY_THANKED the second time.',
    input: { params: IdParams, body: ThanksBody },
    response: { 201: ThanksView },
    errors: [403, 409],
    handler: byIdAndBody(sendThanks),
  }),
});
