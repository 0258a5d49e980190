import { IdParams, MunicipalityCodeParams, PrintQuery } from '@board/shared';
import type { z } from 'zod';
import { defineRoutes, route, type Endpoint } from '../../routes/define-routes.ts';
import { fileResponse, sendFile } from '../../routes/file-answers.ts';
import type { ServiceContext } from '../../services/context.ts';
import { municipalitySheet, requestFlyer, volunteerPoster } from './service.ts';

const a4Page = fileResponse('An HTML page that prints on one A4 sheet', { 'text/html': 'text' });

/** A printable page for anyone (no sign-in): `print` renders it for the path's parameters, in `?lang=`. */
function printablePage<P extends z.ZodType>(
  endpoint: Endpoint,
  summary: string,
  params: P,
  print: (context: ServiceContext, params: z.output<P>, lang: PrintQuery['lang']) => Promise<string>,
) {
  return route(endpoint, {
    summary: `${summary}; no sign-in needed`,
    signIn: 'optional',
    input: { params, query: PrintQuery },
    response: { 200: a4Page },
    handler: async (context, input, { reply }) => {
      const html = await print(context, input.params, input.query.lang);
      return sendFile(reply, { type: 'text/html; charset=utf-8', body: html }, 'no-store');
    },
  });
}

/**
 * Paper (issue 13): a request's flyer, a ward's sheet of open requests for the 回覧板 and the
 * volunteer poster, as HTML pages printed by the browser on one A4 sheet, each with QR codes.
 */
export default defineRoutes('print', {
  getRequestFlyer: printablePage(
    'GET /api/requests/:id/flyer',
    "A published request's A4 flyer (HTML): title, what is needed, when, the association, a QR code to its page; never the exact place or a contact",
    IdParams,
    (context, { id }, lang) => requestFlyer(context, id, lang),
  ),
  getMunicipalitySheet: printablePage(
    'GET /api/municipalities/:code/sheet',
    "A ward's A4 sheet for the 回覧板 (HTML): up to 8 of its open requests, each with a QR code, and a QR code to its board",
    MunicipalityCodeParams,
    (context, { code }, lang) => municipalitySheet(context, code, lang),
  ),
  getVolunteerPoster: printablePage(
    'GET /api/municipalities/:code/volunteer-poster',
    "A ward's A4 poster inviting residents to sign up as volunteers (HTML), with a QR code to sign-up",
    MunicipalityCodeParams,
    (context, { code }, lang) => volunteerPoster(context, code, lang),
  ),
});
