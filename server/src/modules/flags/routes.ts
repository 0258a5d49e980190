import { FlagBody, FlagList, FlagView, IdParams, ListFlagsQuery, ResolveFlagBody } from '@board/shared';
import { flagContent, listFlags, resolveFlag } from './service.ts';
import { byBody, byIdAndBody, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';

/** Flags (通報): anyone signed in reports; the municipality's staff resolve. */
export default defineRoutes('flags', {
  flagContent: route('POST /api/flags', {
    summary:
      "Report a request or a message you can see, with a reason (anyone signed in); goes to its municipality's staff",
    input: { body: FlagBody },
    response: { 201: FlagView },
    errors: [403, 404, 409],
    handler: byBody(flagContent),
  }),
  listFlags: route('GET /api/flags', {
    summary: 'The flag queue: open first, oldest first (municipal staff: their municipality; foundation: all)',
    description:
      "A flagged message's text is shown to the municipality's staff (the flag is the reason to read it); the " +
      'foundation sees message flags without the text.',
    input: { query: ListFlagsQuery },
    response: { 200: FlagList },
    errors: [403],
    handler: byQuery(listFlags),
  }),
  resolveFlag: route('POST /api/flags/:id/resolve', {
    summary: 'Hide the flagged item or dismiss the flag (municipal staff of its municipality); audited',
    input: { params: IdParams, body: ResolveFlagBody },
    response: { 200: FlagView },
    errors: [403, 409],
    handler: byIdAndBody(resolveFlag),
  }),
});
