import { MunicipalityCodeParams, PrintQuery, RequestIdParams } from '@board/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoutes, route } from '../../routes/define-routes.ts';
import { municipalitySheet, requestFlyer, volunteerPoster } from './service.ts';

/** A printable page: HTML with print CSS for one A4 sheet. */
const printable = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

const sendHtml = (reply: FastifyReply, html: string) =>
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);

/**
 * Paper (issue 13): a request's flyer, a ward's sheet of open requests for the 回覧板 and the
 * volunteer poster, as HTML pages printed by the browser on one A4 sheet, each with QR codes.
 */
export default defineRoutes('print', {
  getRequestFlyer: route('GET /api/requests/:id/flyer', {
    summary:
      "A published request's A4 flyer (HTML): title, what is needed, when, the association, a QR code to its page; never the exact place or a contact; no sign-in needed",
    signIn: 'optional',
    input: { params: RequestIdParams, query: PrintQuery },
    response: { 200: printable('An HTML page that prints on one A4 sheet') },
    handler: async (context, { params, query }, { reply }) =>
      sendHtml(reply, await requestFlyer(context, params.id, query.lang)),
  }),
  getMunicipalitySheet: route('GET /api/municipalities/:code/sheet', {
    summary:
      "A ward's A4 sheet for the 回覧板 (HTML): up to 8 of its open requests, each with a QR code, and a QR code to its board; no sign-in needed",
    signIn: 'optional',
    input: { params: MunicipalityCodeParams, query: PrintQuery },
    response: { 200: printable('An HTML page that prints on one A4 sheet') },
    handler: async (context, { params, query }, { reply }) =>
      sendHtml(reply, await municipalitySheet(context, params.code, query.lang)),
  }),
  getVolunteerPoster: route('GET /api/municipalities/:code/volunteer-poster', {
    summary:
      "A ward's A4 poster inviting residents to sign up as volunteers (HTML), with a QR code to sign-up; no sign-in needed",
    signIn: 'optional',
    input: { params: MunicipalityCodeParams, query: PrintQuery },
    response: { 200: printable('An HTML page that prints on one A4 sheet') },
    handler: async (context, { params, query }, { reply }) =>
      sendHtml(reply, await volunteerPoster(context, params.code, query.lang)),
  }),
});
