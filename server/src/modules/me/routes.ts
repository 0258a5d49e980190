import { DeletedAccount, DeleteMeBody, Me, MyDataExport, UpdateMeBody } from '@board/shared';
import { passwordGuard } from '../accounts/password-throttle.ts';
import { clearSessionCookies } from '../accounts/sessions.ts';
import { deleteMe, exportMyData, getMe, updateMe } from './service.ts';
import { byBody, defineRoutes, route } from '../../routes/define-routes.ts';

/** The signed-in person's own account: read, change, export, delete. */
export default defineRoutes('me', {
  getMe: route('GET /api/me', {
    summary: 'The signed-in person: account, roles and volunteer profile',
    response: { 200: Me },
    handler: getMe,
  }),
  updateMe: route('PATCH /api/me', {
    summary: 'Change your name, language, contact details or volunteer profile',
    input: { body: UpdateMeBody },
    response: { 200: Me },
    errors: [403],
    handler: byBody(updateMe),
  }),
  // a POST: the export is audited (me.export), and no read may write
  exportMyData: route('POST /api/me/export', {
    summary: 'Download everything kept about you, as a JSON file',
    response: { 200: MyDataExport },
    handler: async (context, _input, { reply }) => {
      const data = await exportMyData(context);
      const day = data.exportedAt.slice(0, 10);
      reply
        .header('content-disposition', `attachment; filename="machi-udekiki-my-data-${day}.json"`)
        .header('cache-control', 'no-store');
      return data;
    },
  }),
  deleteMe: route('DELETE /api/me', {
    summary: 'Delete your account (anonymised; the history you took part in stays)',
    description:
      'An account with a password must send it as `password`; an account without one must send `confirm: "DELETE"`.',
    input: { body: DeleteMeBody },
    response: { 200: DeletedAccount },
    errors: [403, 429],
    handler: async (context, { body }, { app, request, reply }) => {
      await deleteMe(context, body, passwordGuard(app, request, reply));
      clearSessionCookies(app.config, reply);
      return { status: 'deleted' as const };
    },
  }),
});
