import {
  ExportStatisticsQuery,
  OpenData,
  OpenDataQuery,
  openDataLicence,
  Statistics,
  StatisticsQuery,
} from '@board/shared';
import { byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { fileResponse, sendFile } from '../../routes/file-answers.ts';
import { exportOpenData, exportStatistics, getOpenData, getStatistics } from './service.ts';

/**
 * Figures (KPIs, issue 12) from the monthly rollups: staff read their municipality's, the
 * foundation any one or all Tokyo; the open data is public, suppressed and under CC BY 4.0.
 * Nothing here holds personal data, so downloads are plain GETs (not audited).
 */
export default defineRoutes('figures', {
  getStatistics: route('GET /api/statistics', {
    summary:
      'Figures per month and for the period, by category: posted, published, matched, completed, match rate, median days, active volunteers, posting associations, matches by origin',
    input: { query: StatisticsQuery },
    response: { 200: Statistics },
    errors: [403],
    handler: byQuery(getStatistics),
  }),
  exportStatistics: route('GET /api/statistics/export', {
    summary: 'The same figures as a CSV (a row per month and one for the period) or JSON file',
    input: { query: ExportStatisticsQuery },
    response: {
      200: fileResponse('CSV (UTF-8 with BOM, for Excel) or JSON', {
        'text/csv': 'text',
        'application/json': Statistics,
      }),
    },
    errors: [403],
    handler: async (context, { query }, { reply }) =>
      sendFile(reply, await exportStatistics(context, query), 'private, no-store'),
  }),
  getOpenData: route('GET /api/open-data', {
    summary: `Open data: per active municipality and month, aggregates only, counts under 5 suppressed (null, or empty in the CSV); ${openDataLicence.name}`,
    signIn: 'optional',
    input: { query: OpenDataQuery },
    response: {
      200: fileResponse('JSON, or CSV with format=csv', { 'application/json': OpenData, 'text/csv': 'text' }),
    },
    handler: async (context, { query }, { reply }) => {
      reply.header('link', `<${openDataLicence.url}>; rel="license"`);
      const file =
        query.format === 'csv'
          ? await exportOpenData(context, query)
          : { type: 'application/json; charset=utf-8', body: JSON.stringify(await getOpenData(context, query)) };
      return sendFile(reply, file, 'public, max-age=3600');
    },
  }),
});
