/**
 * The API test kit: every server test file imports what it needs from here.
 *
 *   import { as, demoEmails, insertRequest, useApiApp } from '../kit/index.ts';
 *   const t = useApiApp();            // one app over one fresh database for this file
 *   it('…', async () => {
 *     const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: await as(t, demoEmails.volunteer1) });
 *   });
 *
 * - app.ts: `useApiApp(options)` starts the app before the file's first test and stops it after
 * - people.ts: demo accounts and associations, `as`/`bearer` (a live session's header),
 *   `signIn` (through the real route), `createPerson`/`createVolunteer` straight into the database
 * - requests.ts: `insertRequest` (a request in any state), `validInput`, `createDraft`, request rows
 * - applications.ts: `apply`, `applied`, `matched`, application rows
 * - invitations.ts: `createInvitation` straight into the database
 * - mail.ts: captured mail (`mailTo` waits for one) and the tokens in its links
 * - rows.ts: `rowCounts`/`stateSnapshot` to prove a refused call wrote nothing, `auditEntries`
 * - http.ts: `post`/`get`, `errorCode`, `csrf`, `freshIp`, cookies
 */
export * from './app.ts';
export * from './applications.ts';
export * from './http.ts';
export * from './invitations.ts';
export * from './mail.ts';
export * from './people.ts';
export * from './requests.ts';
export * from './rows.ts';
