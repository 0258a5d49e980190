import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FileContent } from '../services/file-content.ts';
import type { RawResponse } from './define-routes.ts';

/**
 * Sends a file as it is, with who may keep a copy (`cache`: 'no-store' for anything personal,
 * 'public, max-age=…' for what anyone may read). Helmet adds `nosniff` to every answer.
 */
export function sendFile(reply: FastifyReply, file: FileContent, cache: string) {
  reply.type(file.type).header('cache-control', cache);
  if (file.fileName) reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return reply.send(file.body);
}

/** The OpenAPI answer of a route that sends a file: text in each media type unless a schema is given. */
export function fileResponse(description: string, content: Record<string, z.ZodType | 'text'>): RawResponse {
  return {
    description,
    content: Object.fromEntries(
      Object.entries(content).map(([type, schema]) => [type, { schema: schema === 'text' ? z.string() : schema }]),
    ),
  };
}

/** An Atom 1.0 feed of what anyone may read: feed readers and proxies may keep it five minutes. */
export const atomFeedResponse = fileResponse('Atom 1.0 feed', { 'application/atom+xml': 'text' });

export const sendAtomFeed = (reply: FastifyReply, xml: string) =>
  sendFile(reply, { type: 'application/atom+xml; charset=utf-8', body: xml }, 'public, max-age=300');
