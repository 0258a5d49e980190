import { ApplicationDetail } from '@board/shared';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applied, matched, newHand, newMatch } from '../kit/applications.ts';
import { answer, errorCode, get, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers, userIdOf } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { auditEntries } from '../kit/rows.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.close());

const revealsOf = async (id: string) => (await auditEntries(t, 'contact.reveal')).filter((e) => e.subjectId === id);

describe('getApplication', () => {
  it('shows one application to its volunteer, its officers, its staff and the foundation; 404 to anyone else', async () => {
    const { request, volunteer, id } = await newMatch(
      t,
      { exactPlace: '千住一丁目集会所' },
      { phone: '090-2222-3333' },
    );
    const url = `/api/applications/${id}`;

    const mine = ApplicationDetail.parse((await get(t, volunteer.headers, url)).json());
    expect(mine).toMatchObject({
      side: 'volunteer',
      request: { id: request.id, title: request.title, associationName: '千住一丁目町会' },
      asVolunteer: { id, status: 'accepted', request: { exactPlace: '千住一丁目集会所' }, contacts: null },
      asAssociation: null,
    });

    const officer = ApplicationDetail.parse((await get(t, await as(t, officers.senju), url)).json());
    expect(officer).toMatchObject({ side: 'association', asVolunteer: null });
    expect(officer.asAssociation!.contact).toMatchObject({ phone: '090-2222-3333' });

    for (const email of [demoEmails.staffAdachi, demoEmails.foundation]) {
      const res = await get(t, await as(t, email), url);
      expect(res.statusCode, email).toBe(200);
      const staff = ApplicationDetail.parse(res.json());
      expect(staff).toMatchObject({ side: 'staff', asVolunteer: null });
      expect(staff.asAssociation!.contact).toBeNull();
      expect(res.body).not.toContain('090-2222-3333');
    }

    // another volunteer, another association of the ward, another ward's officer and staff
    const stranger = await createVolunteer(t);
    for (const headers of [
      stranger.headers,
      await as(t, officers.umeda),
      await as(t, officers.okubo),
      await as(t, demoEmails.staffShinjuku),
    ]) {
      const res = await get(t, headers, url);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.body).not.toContain(request.title);
    }
    expect((await get(t, {}, url)).statusCode).toBe(401);
    expect((await get(t, volunteer.headers, '/api/applications/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('contact reveals happen where a person opens the contact', () => {
  it('accepting records the association side once; reads record nothing', async () => {
    const { request, volunteer, id } = await newHand(t);
    expect(await revealsOf(id)).toHaveLength(0);
    const senju = await as(t, officers.senju);
    expect((await post(t, senju, `/api/applications/${id}/accept`, {})).statusCode).toBe(200);
    const senjuId = await userIdOf(t, officers.senju);
    expect(await revealsOf(id)).toEqual([
      expect.objectContaining({
        actorId: senjuId,
        details: { side: 'association', viewerId: senjuId, contactOf: [volunteer.id], requestId: request.id },
      }),
    ]);
    await get(t, senju, `/api/requests/${request.id}/applications`);
    await get(t, senju, `/api/applications/${id}`);
    await get(t, volunteer.headers, '/api/me/applications');
    await get(t, volunteer.headers, `/api/applications/${id}`);
    expect(await revealsOf(id)).toHaveLength(1);
  });

  it('"show contact" opens the association’s contact to the volunteer, audited the first time only', async () => {
    const { volunteer, id } = await newMatch(t);
    const shown = await post(t, volunteer.headers, `/api/applications/${id}/contact`);
    expect(answer(shown, 200, ApplicationDetail).asVolunteer!.contacts).toEqual([
      expect.objectContaining({ email: officers.senju }),
    ]);
    expect((await post(t, volunteer.headers, `/api/applications/${id}/contact`)).statusCode).toBe(200);
    const volunteerSide = (await revealsOf(id)).filter((e) => e.details.side === 'volunteer');
    expect(volunteerSide).toEqual([
      expect.objectContaining({
        actorId: volunteer.id,
        details: expect.objectContaining({ contactOf: [await userIdOf(t, officers.senju)] }),
      }),
    ]);
    // and the volunteer's reads now include it, without writing again
    const again = ApplicationDetail.parse((await get(t, volunteer.headers, `/api/applications/${id}`)).json());
    expect(again.asVolunteer!.contacts).toHaveLength(1);
    expect(await revealsOf(id)).toHaveLength(2);
  });

  it('refuses before a match (409), staff (403) and strangers (404), recording nothing', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const pending = await applied(t, volunteer.headers, request.id);
    const early = await post(t, volunteer.headers, `/api/applications/${pending}/contact`);
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('NOT_MATCHED');

    const other = await insertRequest(t);
    const id = await matched(t, await createVolunteer(t), other.id, officers.senju);
    const before = (await revealsOf(id)).length;
    const staff = await post(t, await as(t, demoEmails.staffAdachi), `/api/applications/${id}/contact`);
    expect(staff.statusCode).toBe(403);
    expect(errorCode(staff)).toBe('FORBIDDEN');
    const elsewhere = await post(t, await as(t, officers.okubo), `/api/applications/${id}/contact`);
    expect(elsewhere.statusCode).toBe(404);
    expect(await revealsOf(pending)).toHaveLength(0);
    expect(await revealsOf(id)).toHaveLength(before);
  });
});
