import { schema } from '@board/db';
import { BoardPage, HelpRequestDetail } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applied,
  as,
  auditEntries,
  createPerson,
  createVolunteer,
  demoEmails,
  errorCode,
  freshEmail,
  get,
  post,
  rowCounts,
  stateSnapshot,
  useApiApp,
  useAssociationIds,
  useDemoPeople,
  validInput,
} from '../kit/index.ts';

/**
 * Municipal staff post a request for an association of their municipality (`createRequestOnBehalf`):
 * who may (every demo role × an association of the own and of another municipality), what it
 * becomes (published at once, marked, the desk as its contact, audited with its source), and its
 * lifecycle from there on (hands, a match, close).
 */

const t = useApiApp();
const ids = useAssociationIds(t);
const { foundation, staffAdachi, staffShinjuku, officerSenju, volunteer1: volunteer } = useDemoPeople(t);

const url = '/api/requests/on-behalf';
const body = (associationId: string, overrides: Record<string, unknown> = {}) =>
  validInput({ associationId, source: 'phone', title: '防災訓練の受付を手伝ってほしい', ...overrides });

const adachiDesk = async () =>
  (
    await t.database.handle.db
      .select({ settings: schema.municipalities.settings })
      .from(schema.municipalities)
      .where(eq(schema.municipalities.code, '13121'))
  )[0]!.settings.contactDesk!;

describe('createRequestOnBehalf: who may', () => {
  const refused = [
    ['nobody signed in', () => ({}), 401, 401],
    ['a volunteer', () => volunteer, 403, 403],
    ['an officer (of senju, in Adachi)', () => officerSenju, 403, 403],
    ['foundation staff', () => foundation, 403, 403],
    ["Shinjuku's staff (Adachi is another municipality)", () => staffShinjuku, 403, null],
  ] as const;

  it.each(refused)('%s: refused, nothing written', async (_who, headers, inAdachi, inShinjuku) => {
    for (const [association, status] of [
      ['senju', inAdachi],
      ['okubo', inShinjuku],
    ] as const) {
      if (status === null) continue;
      const before = await stateSnapshot(t);
      const res = await post(t, headers(), url, body(ids[association]));
      expect(res.statusCode, `${association}`).toBe(status);
      expect(await stateSnapshot(t)).toEqual(before);
    }
  });

  it("staff post for their own municipality's associations only", async () => {
    const own = await post(t, staffShinjuku, url, body(ids.okubo, { area: '大久保二丁目' }));
    expect(own.statusCode).toBe(201);
    expect(HelpRequestDetail.parse(own.json())).toMatchObject({ municipalityCode: '13104', associationId: ids.okubo });
    const before = await rowCounts(t);
    const other = await post(t, staffAdachi, url, body(ids.okubo));
    expect(other.statusCode).toBe(403);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('createRequestOnBehalf: what it becomes', () => {
  it('published at once, marked as posted by the municipality, audited with its source; on the board with the mark', async () => {
    const title = `回覧板で届いた依頼 ${Date.now().toString(36)}`;
    const res = await post(t, staffAdachi, url, body(ids.senju, { title, source: 'paper' }));
    expect(res.statusCode).toBe(201);
    const request = HelpRequestDetail.parse(res.json());
    expect(request).toMatchObject({
      title,
      status: 'published',
      postedByMunicipality: true,
      associationName: '千住一丁目町会',
      exactPlace: '千住一丁目会館 2階和室',
    });
    expect(request.publishedAt).not.toBeNull();
    const [entry] = (await auditEntries(t, 'request.create_on_behalf')).filter((e) => e.subjectId === request.id);
    expect(entry).toMatchObject({
      municipalityCode: '13121',
      subjectType: 'help_request',
      details: { title, associationId: ids.senju, associationName: '千住一丁目町会', source: 'paper', to: 'published' },
    });
    const board = BoardPage.parse((await get(t, {}, `/api/requests?q=${encodeURIComponent(title)}`)).json());
    expect(board.items).toEqual([expect.objectContaining({ id: request.id, postedByMunicipality: true })]);
    // the officer's own requests are not marked
    const officers = BoardPage.parse((await get(t, {}, '/api/requests?municipalities=13121&limit=50')).json());
    expect(officers.items.filter((i) => i.id !== request.id).every((i) => !i.postedByMunicipality)).toBe(true);
    // the association's officers see it in their list
    const mine = await get(t, officerSenju, '/api/me/requests?limit=50');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(request.id);
  });

  it("shows the municipality's desk as its contact, never the staff member; a match sees the desk", async () => {
    const res = await post(t, staffAdachi, url, body(ids.senju));
    const request = HelpRequestDetail.parse(res.json());
    const desk = await adachiDesk();
    expect(desk).toContain('足立区');
    const forOfficer = HelpRequestDetail.parse((await get(t, officerSenju, `/api/requests/${request.id}`)).json());
    expect(forOfficer.officerContact).toEqual({ name: desk, email: null, phone: null });

    const helper = await createVolunteer(t, { verified: true });
    const hand = await applied(t, helper.headers, request.id);
    const accepted = await post(t, officerSenju, `/api/applications/${hand}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    const forHelper = HelpRequestDetail.parse((await get(t, helper.headers, `/api/requests/${request.id}`)).json());
    expect(forHelper.officerContact).toEqual({ name: desk, email: null, phone: null });
    expect(JSON.stringify(forHelper)).not.toContain(demoEmails.staffAdachi);
  });

  it('lives the same lifecycle: fills, and staff close it with a reason', async () => {
    const request = HelpRequestDetail.parse((await post(t, staffAdachi, url, body(ids.umeda, { slots: 1 }))).json());
    const helper = await createVolunteer(t, { verified: true });
    const hand = await applied(t, helper.headers, request.id);
    const officerUmeda = await as(t, demoEmails.officerUmeda);
    expect((await post(t, officerUmeda, `/api/applications/${hand}/accept`, {})).statusCode).toBe(200);
    expect((await get(t, {}, `/api/requests/${request.id}`)).json().status).toBe('filled');
    const closed = await post(t, staffAdachi, `/api/requests/${request.id}/close`, {
      reason: '町会から連絡があり、終了',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', postedByMunicipality: true });
  });

  it('an association without any officer: the desk is its contact and staff can still post', async () => {
    const [association] = await t.database.handle.db
      .insert(schema.associations)
      .values({ municipalityCode: '13121', name: '役員がネットを使わない町会', area: '千住五丁目' })
      .returning({ id: schema.associations.id });
    const res = await post(t, staffAdachi, url, body(association!.id, { source: 'counter' }));
    expect(res.statusCode).toBe(201);
    const staffView = HelpRequestDetail.parse(res.json());
    expect(staffView.canRevealContact).toBe(true);
    const revealed = await post(t, staffAdachi, `/api/requests/${staffView.id}/officer-contact`, {
      reason: '確認のため',
    });
    expect(revealed.json()).toEqual({ name: await adachiDesk(), email: null, phone: null });
  });
});

describe('createRequestOnBehalf: refused input and states', () => {
  it('bad input: 400 with the fields (translated by code), nothing written', async () => {
    const before = await stateSnapshot(t);
    const res = await post(t, staffAdachi, url, body(ids.senju, { title: '', source: 'fax', slots: 0 }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'source', 'slots']));
    const noAssociation = await post(t, staffAdachi, url, validInput({ source: 'phone' }));
    expect(noAssociation.statusCode).toBe(400);
    expect(await stateSnapshot(t)).toEqual(before);
  });

  it('an unknown association is 404; a category the municipality switched off is 400', async () => {
    const before = await rowCounts(t);
    const missing = await post(t, staffAdachi, url, body('00000000-0000-4000-8000-000000000000'));
    expect(missing.statusCode).toBe(404);
    await t.database.handle.db
      .update(schema.municipalities)
      .set({ settings: { enabledCategories: ['photo_video'], contactDesk: await adachiDesk() } })
      .where(eq(schema.municipalities.code, '13121'));
    const off = await post(t, staffAdachi, url, body(ids.senju, { category: 'design_flyers' }));
    expect(off.statusCode).toBe(400);
    expect(off.json().error.fields).toEqual([{ field: 'category', code: 'CATEGORY_NOT_ENABLED' }]);
    expect(await rowCounts(t)).toEqual(before);
    await t.database.handle.db
      .update(schema.municipalities)
      .set({ settings: { contactDesk: await adachiDesk() } })
      .where(eq(schema.municipalities.code, '13121'));
  });

  it('a paused municipality: 409 MUNICIPALITY_PAUSED, nothing written', async () => {
    expect(
      (await post(t, foundation, '/api/municipalities/13104/status', { change: 'pause', reason: '点検' })).statusCode,
    ).toBe(200);
    const before = await rowCounts(t);
    const res = await post(t, staffShinjuku, url, body(ids.okubo));
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('MUNICIPALITY_PAUSED');
    expect(await rowCounts(t)).toEqual(before);
    await post(t, foundation, '/api/municipalities/13104/status', { change: 'resume', reason: '点検終了' });
  });

  it('staff who are also someone else: a second municipality grant does not widen the first', async () => {
    const person = await createPerson(t, {
      email: freshEmail('staff'),
      roles: [{ role: 'municipal_staff', municipalityCode: '13101' }],
    });
    const headers = await as(t, person.email);
    const res = await post(t, headers, url, body(ids.senju));
    expect(res.statusCode).toBe(403);
  });
});
