import {
  ExportMatchesBody,
  ExportMunicipalityRequestsBody,
  IdParams,
  ListMatchesQuery,
  ListMunicipalityRequestsQuery,
  MatchDetail,
  MatchPage,
  MunicipalityRequestPage,
} from '@board/shared';
import { byId, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { fileResponse, sendFile } from '../../routes/file-answers.ts';
import {
  exportMatches,
  exportMunicipalityRequests,
  getMatch,
  listMatches,
  listMunicipalityRequests,
} from './service.ts';

const csvAnswer = { 200: fileResponse('CSV (UTF-8 with BOM, for Excel)', { 'text/csv': 'text' }) };

/**
 * Oversight (issue 12): the match review (foundation staff: every municipality; municipal
 * staff: their own) and every request of a municipality. Downloads are POSTs: they are audited.
 */
export default defineRoutes('oversight', {
  listMatches: route('GET /api/matches', {
    summary:
      'Matches for review, filtered by municipality, category, status, how they began and matched days; keyset-paged (staff: their municipality; foundation: all)',
    input: { query: ListMatchesQuery },
    response: { 200: MatchPage },
    errors: [403],
    handler: byQuery(listMatches),
  }),
  exportMatches: route('POST /api/matches/export', {
    summary: 'The same matches as CSV (every page); the download is recorded in the audit log',
    input: { body: ExportMatchesBody },
    response: csvAnswer,
    errors: [403],
    handler: async (context, { body }, { reply }) => sendFile(reply, await exportMatches(context, body), 'no-store'),
  }),
  getMatch: route('GET /api/matches/:id', {
    summary:
      "One match's whole timeline with the spans between steps, the messages counted (not read), thanks and the private ratings",
    input: { params: IdParams },
    response: { 200: MatchDetail },
    errors: [403],
    handler: byId(getMatch),
  }),
  listMunicipalityRequests: route('GET /api/staff/requests', {
    summary:
      "Every request of the staff member's municipality in every state (foundation: all or one), filtered, keyset-paged",
    input: { query: ListMunicipalityRequestsQuery },
    response: { 200: MunicipalityRequestPage },
    errors: [403],
    handler: byQuery(listMunicipalityRequests),
  }),
  exportMunicipalityRequests: route('POST /api/staff/requests/export', {
    summary: 'The same requests as CSV (every page); the download is recorded in the audit log',
    input: { body: ExportMunicipalityRequestsBody },
    response: csvAnswer,
    errors: [403],
    handler: async (context, { body }, { reply }) =>
      sendFile(reply, await exportMunicipalityRequests(context, body), 'no-store'),
  }),
});
