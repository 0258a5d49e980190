import { Association, AssociationList, AssociationOfficerList, ErrorBody } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post } from '../kit/http.ts';
import { as, associationIdOf, bearer, createPerson, demoEmails, userIdOf } from '../kit/people.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';

const t = useApiApp();

describe('createAssociation', () => {
  it('municipal staff register an association in their municipality; it is audit-logged', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    const res = await post(t, await bearer(t, staffId), '/api/associations', {
      municipalityCode: '13121',
      name: ' 西新井三丁目町会 ',
      area: '西新井三丁目',
      households: 350,
    });
    const association = answer(res, 201, Association);
    expect(association).toMatchObject({
      municipalityCode: '13121',
      name: '西新井三丁目町会',
      area: '西新井三丁目',
      households: 350,
    });
    expect((await auditEntries(t, 'association.create')).filter((e) => e.subjectId === association.id)).toEqual([
      expect.objectContaining({ actorId: staffId, municipalityCode: '13121', details: { name: '西新井三丁目町会' } }),
    ]);
  });

  it('area and households are optional', async () => {
    const res = await post(t, await as(t, demoEmails.staffShinjuku), '/api/associations', {
      municipalityCode: '13104',
      name: '百人町一丁目町会',
    });
    expect(answer(res, 201, Association)).toMatchObject({ area: '', households: null });
  });

  it('refuses a name already registered in the municipality', async () => {
    const res = await post(t, await as(t, demoEmails.staffAdachi), '/api/associations', {
      municipalityCode: '13121',
      name: '千住一丁目町会',
    });
    expect(answer(res, 409, ErrorBody).error.fields).toEqual([{ field: 'name', code: 'ALREADY_REGISTERED' }]);
  });

  it('refuses another municipality, foundation staff and officers, writing nothing', async () => {
    const before = await rowCounts(t);
    for (const email of [demoEmails.staffShinjuku, demoEmails.foundation, demoEmails.officerSenju]) {
      const res = await post(t, await as(t, email), '/api/associations', {
        municipalityCode: '13121',
        name: '勝手な町会',
      });
      expect(res.statusCode, email).toBe(403);
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('listAssociations', () => {
  it("gives staff their municipality's associations, and refuses another's", async () => {
    const headers = await as(t, demoEmails.staffShinjuku);
    const own = AssociationList.parse((await get(t, headers, '/api/associations')).json());
    expect(own.items.length).toBeGreaterThanOrEqual(2);
    expect(own.items.every((a) => a.municipalityCode === '13104')).toBe(true);
    expect(own.items.map((a) => a.name)).toEqual(expect.arrayContaining(['大久保二丁目町会', '四谷三丁目町会']));

    const filtered = await get(t, headers, '/api/associations?municipalityCode=13104');
    expect(AssociationList.parse(filtered.json()).items).toEqual(own.items);

    const other = await get(t, headers, '/api/associations?municipalityCode=13121');
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('千住');
  });

  it('gives officers only their own association', async () => {
    const res = await get(t, await as(t, demoEmails.officerSenju), '/api/associations');
    const { items } = AssociationList.parse(res.json());
    expect(items.map((a) => a.id)).toEqual([await associationIdOf(t, '千住一丁目町会')]);
  });

  it('gives foundation staff every municipality, or one', async () => {
    const headers = await as(t, demoEmails.foundation);
    const all = AssociationList.parse((await get(t, headers, '/api/associations')).json());
    expect(new Set(all.items.map((a) => a.municipalityCode))).toEqual(new Set(['13121', '13104']));
    const one = AssociationList.parse((await get(t, headers, '/api/associations?municipalityCode=13121')).json());
    expect(one.items.every((a) => a.municipalityCode === '13121')).toBe(true);
  });

  it('refuses volunteers (403) and anonymous callers (401)', async () => {
    expect((await get(t, await as(t, demoEmails.volunteer1), '/api/associations')).statusCode).toBe(403);
    expect((await get(t, {}, '/api/associations')).statusCode).toBe(401);
  });
});

describe("an association's officers", () => {
  const officersOf = async (email: string, associationName: string) => {
    const id = await associationIdOf(t, associationName);
    return get(t, await as(t, email), `/api/associations/${id}/officers`);
  };

  it('are listed by name (no contact details) for its staff, foundation staff and its officers; no one else', async () => {
    for (const email of [demoEmails.staffAdachi, demoEmails.foundation, demoEmails.officerSenju]) {
      const res = await officersOf(email, '千住一丁目町会');
      expect(res.statusCode, email).toBe(200);
      const { items } = AssociationOfficerList.parse(res.json());
      expect(items.map((o) => o.userId)).toContain(await userIdOf(t, demoEmails.officerSenju));
      expect(res.body).not.toContain('@demo.example');
    }
    for (const email of [demoEmails.staffShinjuku, demoEmails.officerUmeda, demoEmails.volunteer1]) {
      expect((await officersOf(email, '千住一丁目町会')).statusCode, email).toBe(404);
    }
  });

  it('can be removed by the municipality’s staff only: audit-logged, and the person can no longer act for it', async () => {
    const association = await associationIdOf(t, '千住一丁目町会');
    const leaving = await createPerson(t, {
      roles: [{ role: 'officer', municipalityCode: '13121', associationId: association }],
    });
    const leavingHeaders = await bearer(t, leaving.id);
    const remove = async (email: string) =>
      post(t, await as(t, email), `/api/associations/${association}/officers/${leaving.id}/remove`);

    const before = await rowCounts(t);
    expect((await remove(demoEmails.staffShinjuku)).statusCode).toBe(404);
    expect((await remove(demoEmails.foundation)).statusCode).toBe(403);
    expect((await remove(demoEmails.officerSenju)).statusCode).toBe(403);
    expect(await rowCounts(t)).toEqual(before);
    // still an officer: sees the association
    expect((await get(t, leavingHeaders, '/api/associations')).statusCode).toBe(200);

    const res = await remove(demoEmails.staffAdachi);
    expect(res.statusCode).toBe(204);
    const entries = (await auditEntries(t, 'role.remove')).filter((e) => e.subjectId === leaving.id);
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: await userIdOf(t, demoEmails.staffAdachi),
        municipalityCode: '13121',
        details: expect.objectContaining({ role: 'officer', associationId: association }),
      }),
    ]);
    const { items } = AssociationOfficerList.parse((await officersOf(demoEmails.staffAdachi, '千住一丁目町会')).json());
    expect(items.map((o) => o.userId)).not.toContain(leaving.id);
    // the same access token: the removal ended every session of the person, so it works no more
    const after = await get(t, leavingHeaders, '/api/associations');
    expect(after.statusCode).toBe(401);

    // told by mail, in their language
    const mail = t.mail.find((m) => m.to === leaving.email);
    expect(mail?.subject).toContain('役割が外れました');
    expect(mail?.text).toContain('千住一丁目町会');

    // twice: nothing left to remove
    expect((await remove(demoEmails.staffAdachi)).statusCode).toBe(404);
  });
});
