import type { Database } from '@board/db';
import { AuditLogPage } from '@board/shared';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/record.ts';
import { filledRequest, newMatch } from '../kit/applications.ts';
import { answer, get, post } from '../kit/http.ts';
import { as, demoEmails, officers, userIdOf } from '../kit/people.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.close());

/** The audit log as the foundation reads it through the API, about one match and its request. */
async function logAbout(applicationId: string, requestId: string) {
  const res = await get(t, await as(t, demoEmails.foundation), '/api/audit-log?limit=200');
  return answer(res, 200, AuditLogPage)
    .items.filter((e) => e.subjectId === applicationId || e.subjectId === requestId)
    .reverse();
}

describe('a match in the audit log (issue 15)', () => {
  it('records accepted, marked done, confirmed, and the request completed, each by its actor', async () => {
    const { request, volunteer, id } = await newMatch(t, { title: '夏祭りの写真撮影' });
    const senju = await as(t, officers.senju);
    expect((await post(t, senju, `/api/applications/${id}/complete`)).statusCode).toBe(200);
    expect((await post(t, volunteer.headers, `/api/applications/${id}/confirm`)).statusCode).toBe(200);

    const senjuId = await userIdOf(t, officers.senju);
    const steps = (await logAbout(id, request.id)).filter((e) => e.action !== 'contact.reveal');
    const about = { requestId: request.id, volunteerId: volunteer.id, title: '夏祭りの写真撮影' };
    expect(steps).toEqual([
      expect.objectContaining({ action: 'match.accept', actorId: senjuId, subjectType: 'application', details: about }),
      expect.objectContaining({ action: 'match.complete', actorId: senjuId, subjectId: id, details: about }),
      expect.objectContaining({ action: 'match.confirm', actorId: volunteer.id, municipalityCode: '13121' }),
      expect.objectContaining({
        action: 'request.complete',
        actorId: volunteer.id,
        subjectType: 'help_request',
        subjectId: request.id,
        details: { title: '夏祭りの写真撮影' },
      }),
    ]);
    // the ward's staff read them in their municipality's log too
    const ward = AuditLogPage.parse((await get(t, await as(t, demoEmails.staffAdachi), '/api/audit-log')).json());
    expect(ward.items.filter((e) => e.subjectId === id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['match.accept', 'match.complete', 'match.confirm']),
    );
  });

  it('records no completion of the request while another match is still open', async () => {
    const { request, matches } = await filledRequest(t, [{}, {}]);
    const [{ volunteer: first, id }] = matches;
    await post(t, await as(t, officers.senju), `/api/applications/${id}/complete`);
    await post(t, first.headers, `/api/applications/${id}/confirm`);
    const actions = (await logAbout(id, request.id)).map((e) => e.action);
    expect(actions).toContain('match.confirm');
    expect(actions).not.toContain('request.complete');
  });
});

/** Compile-time proof (pnpm typecheck): `recordAudit` takes only actions of the table, with their details. */
export function onlyKnownActionsCompile(tx: Database) {
  // @ts-expect-error an action the table does not have
  void recordAudit(tx, { actorId: null, action: 'match.teleport' });
  // @ts-expect-error a detail the action does not keep
  void recordAudit(tx, { actorId: null, action: 'staff.sign_in', details: { password: 'x' } });
  // @ts-expect-error a subject kind the action is not about
  void recordAudit(tx, { actorId: null, action: 'match.accept', subjectType: 'flag' });
}
