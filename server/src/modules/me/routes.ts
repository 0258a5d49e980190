import { DeletedAccount, DeleteMeBody, Me, MyDataExport, UpdateMeBody } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passwordGuard } from '../accounts/password-throttle.ts';
import { clearSessionCookies } from '../accounts/sessions.ts';
import { deleteMe, exportMyData, getMe, updateMe } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['me'],
        summary: 'The signed-in person: account, roles and volunteer profile',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => getMe(signedInContext(request)),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        operationId: 'updateMe',
        tags: ['me'],
        summary: 'Change your name, language, contact details or volunteer profile',
        body: UpdateMeBody,
        response: { 200: Me, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => updateMe(signedInContext(request), request.body),
  );

  // a POST: the export is audited (me.export), and no read may write
  r.post(
    '/api/me/export',
    {
      schema: {
        operationId: 'exportMyData',
        tags: ['me'],
        summary: 'Download everything kept about you, as a JSON file',
        response: { 200: MyDataExport, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const data = await exportMyData(signedInContext(request));
      const day = data.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="machi-udekiki-my-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  r.delete(
    '/api/me',
    {
      schema: {
        operationId: 'deleteMe',
        tags: ['me'],
        summary: 'Delete your account (anonymised; the history you took part in stays)',
        description:
          'An account with a password must send it as `password`; an account without one must send `confirm: "DELETE"`.',
        body: DeleteMeBody,
        response: { 200: DeletedAccount, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await deleteMe(signedInContext(request), request.body, passwordGuard(app, request, reply));
      clearSessionCookies(app.config, reply);
      return { status: 'deleted' as const };
    },
  );
}
