import { schema } from '@board/db';
import { ErrorBody, ModerationQueue, MunicipalitySettingsView } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, patch, post } from '../kit/http.ts';
import { as, bearer, createPerson, demoEmails } from '../kit/people.ts';
import { insertRequest, validInput } from '../kit/requests.ts';
import { auditEntries } from '../kit/rows.ts';
const t = useApiApp();
/** a second officer of 千住一丁目町会 who reads mail in English */
async function queue(email: string, query = '') {
  return get(t, await as(t, email), `/api/moderation/queue${query}`);
}

describe('the moderation queue', () => {
  it("shows staff their municipality's requests waiting for review, oldest first, with counts", async () => {
    const older = (await insertRequest(t, { status: 'pending_review', title: '古い申請' })).id;
    await new Promise((r) => setTimeout(r, 5));
    const newer = (await insertRequest(t, { status: 'pending_review', title: '新しい申請' })).id;
    await insertRequest(t, { status: 'pending_review', municipalityCode: '13104', title: '新宿の申請' });
    // submission time is updated_at: make the order explicit
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ updatedAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.helpRequests.id, older));

    const res = await queue(demoEmails.staffAdachi);
    const body = answer(res, 200, ModerationQueue);
    expect(body.items.every((i) => i.municipalityCode === '13121' && i.status === 'pending_review')).toBe(true);
    const ids = body.items.map((i) => i.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    const submitted = body.items.map((i) => Date.parse(i.submittedAt));
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
    const pendingInDb = await t.database.handle.db
      .select()
      .from(schema.helpRequests)
      .where(eq(schema.helpRequests.municipalityCode, '13121'));
    expect(body.counts.pendingReview).toBe(pendingInDb.filter((r) => r.status === 'pending_review').length);
    expect(body.counts.changesRequested).toBe(pendingInDb.filter((r) => r.status === 'changes_requested').length);
    expect(body.counts.openFlags).toBe(0);
    // the exact place is not in queue items (staff read it on the request's page)
    expect(res.body).not.toContain('秘密の集合場所');
  });

  it('pages with a cursor', async () => {
    const first = ModerationQueue.parse((await queue(demoEmails.staffAdachi, '?limit=1')).json());
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = ModerationQueue.parse(
      (await queue(demoEmails.staffAdachi, `?limit=1&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
  });

  it('counts open flags of the municipality', async () => {
    const id = (await insertRequest(t, { status: 'published' })).id;
    await t.database.handle.db
      .insert(schema.flags)
      .values({ municipalityCode: '13121', targetType: 'request', targetId: id, reason: 'spam' });
    const body = ModerationQueue.parse((await queue(demoEmails.staffAdachi)).json());
    expect(body.counts.openFlags).toBe(1);
    expect(ModerationQueue.parse((await queue(demoEmails.staffShinjuku)).json()).counts.openFlags).toBe(0);
  });

  it('foundation staff read every queue or one; nobody else reads any', async () => {
    const all = ModerationQueue.parse((await queue(demoEmails.foundation, '?limit=100')).json());
    expect(new Set(all.items.map((i) => i.municipalityCode))).toEqual(new Set(['13121', '13104']));
    const one = ModerationQueue.parse((await queue(demoEmails.foundation, '?municipalityCode=13104')).json());
    expect(one.items.every((i) => i.municipalityCode === '13104')).toBe(true);

    expect((await queue(demoEmails.staffAdachi, '?municipalityCode=13104')).statusCode).toBe(403);
    expect((await queue(demoEmails.officerSenju)).statusCode).toBe(403);
    expect((await queue(demoEmails.volunteer1)).statusCode).toBe(403);
    expect((await get(t, {}, '/api/moderation/queue')).statusCode).toBe(401);
  });
});

describe('municipality settings', () => {
  const url = '/api/municipalities/13121/settings';

  it('are public to read', async () => {
    const res = await get(t, {}, url);
    expect(MunicipalitySettingsView.parse(res.json())).toMatchObject({ code: '13121', moderationRequired: true });
    expect(res.json().enabledCategories).toHaveLength(12);
  });

  it("staff change their municipality's categories, moderation and desk; audit-logged; officers then cannot use a disabled category", async () => {
    const staff = await as(t, demoEmails.staffAdachi);
    const res = await patch(t, staff, url, {
      enabledCategories: ['photo_video', 'design_flyers'],
      contactDesk: '足立区 地域調整課 03-0000-0000',
    });
    expect(answer(res, 200, MunicipalitySettingsView)).toEqual({
      code: '13121',
      moderationRequired: true,
      enabledCategories: ['design_flyers', 'photo_video'],
      firstComeDisallowed: [],
      contactDesk: '足立区 地域調整課 03-0000-0000',
      nameJa: '足立区',
      nameKana: 'あだちく',
      nameEn: 'Adachi City',
    });
    const [entry] = (await auditEntries(t, 'municipality.update_settings')).slice(-1);
    expect(entry).toMatchObject({
      municipalityCode: '13121',
      details: expect.objectContaining({ contactDesk: expect.anything() }),
    });

    const refused = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({ category: 'it_digital' }),
    );
    expect(answer(refused, 400, ErrorBody).error.fields).toEqual([{ field: 'category', code: 'CATEGORY_NOT_ENABLED' }]);

    const off = await patch(t, staff, url, { moderationRequired: false });
    expect(off.json()).toMatchObject({
      moderationRequired: false,
      enabledCategories: ['design_flyers', 'photo_video'],
    });
    // put everything back for the other tests
    await patch(t, staff, url, {
      moderationRequired: true,
      enabledCategories: MunicipalitySettingsView.shape.enabledCategories.element.options,
    });
  });

  it('nobody but that municipality’s staff may change them', async () => {
    for (const email of [
      demoEmails.staffShinjuku,
      demoEmails.foundation,
      demoEmails.officerSenju,
      demoEmails.volunteer1,
    ]) {
      const res = await patch(t, await as(t, email), url, { moderationRequired: false });
      expect(res.statusCode, email).toBe(403);
    }
    expect((await patch(t, {}, url, { moderationRequired: false })).statusCode).toBe(401);
    expect((await get(t, {}, url)).json().moderationRequired).toBe(true);
  });

  it('404 for an unknown municipality', async () => {
    const res = await get(t, {}, '/api/municipalities/13999/settings');
    expect(res.statusCode).toBe(404);
    const staffId = (
      await createPerson(t, { roles: [{ role: 'municipal_staff', municipalityCode: null, associationId: null }] })
    ).id;
    expect((await patch(t, await bearer(t, staffId), '/api/municipalities/13999/settings', {})).statusCode).toBe(403);
  });
});
