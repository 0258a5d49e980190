/**
 * The API test kit. A test file imports from its modules (one line each; this index re-exports
 * them all, for files that need only a few names):
 *
 *   import { useApiApp } from '../kit/app.ts';
 *   import { get } from '../kit/http.ts';
 *   import { useDemoPeople } from '../kit/people.ts';
 *   const t = useApiApp();            // one app over one fresh database for this file
 *   const { volunteer1: volunteer } = useDemoPeople(t); // signed in before the first test
 *   it('…', async () => {
 *     const res = await get(t, volunteer, '/api/me');
 *   });
 *
 * - app.ts: `useApiApp(options)` starts the app before the file's first test and stops it after
 * - people.ts: demo accounts and associations, `as`/`bearer` (a live session's header),
 *   `useDemoPeople`/`useAssociationIds` (made once before the file's tests), `signIn` (through the
 *   real route), `askEmailChange`, `createPerson`/`createVolunteer` straight into the database, `volunteerProfileInput`
 * - requests.ts: `insertRequest` (a request in any state), `validInput`, `createDraft`, `flagRequest`,
 *   request rows
 * - applications.ts: `apply`, `applied`, `matched`, `newHand`/`newMatch` (a new request, a new volunteer
 *   and their hand or match), `filledRequest` (a request with every place matched), application rows
 * - invitations.ts: `createInvitation` straight into the database (of a demo association by key),
 *   `createOfficerInvitation` (an officer's, of 千住一丁目町会 unless told)
 * - documents.ts: `atomFeed` and `csvLines` read a feed or a CSV download, its type checked
 * - mail.ts: captured mail (`mailTo` waits for one) and the tokens in its links
 * - rows.ts: `rowCounts`/`stateSnapshot` to prove a refused call wrote nothing, `auditEntries`
 * - http.ts: `post`/`get`/`put`/`patch`/`del`, `errorCode`, `csrf`, `freshIp`, cookies
 * - clock.ts: `withMachineClockOff` (the machine's clock drifted from the database's)
 * The scene builders both kits share (demo accounts, people, requests) live in
 * tests/src/harness/scene.ts; people.ts and requests.ts re-export them.
 */
export * from './app.ts';
export * from './applications.ts';
export * from './clock.ts';
export * from './documents.ts';
export * from './http.ts';
export * from './invitations.ts';
export * from './mail.ts';
export * from './people.ts';
export * from './requests.ts';
export * from './rows.ts';
