import { schema } from '@board/db';
import { ApplicationList, MyApplicationList } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applied,
  as,
  createVolunteer,
  demoEmails,
  get,
  insertRequest,
  officers,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
const t = useApiApp();
const { senju } = useDemoPeople(t);

describe('listApplications', () => {
  it("shows applicants' public profiles: skills, languages, completed helps, thanks (if shown)", async () => {
    const request = await insertRequest(t, { slots: 3 });
    const shy = await createVolunteer(t, {
      profile: {
        interestCategories: ['photo_video'],
        skills: [
          { key: 'photography', level: 'can' },
          { key: 'video_editing', level: 'teach' },
        ],
        languages: ['ja', 'en'],
        showThanks: false,
      },
    });
    const open = await createVolunteer(t, { profile: { interestCategories: ['design_flyers'], showThanks: true } });
    await applied(t, shy.headers, request.id, 'カメラを持っています');
    await applied(t, open.headers, request.id);
    const res = await get(t, senju, `/api/requests/${request.id}/applications`);
    const body = ApplicationList.parse(res.json());
    expect(body.request).toMatchObject({ id: request.id, slots: 3, matchedCount: 0, status: 'published' });
    expect(body.items.map((a) => a.applicant.id)).toEqual([shy.id, open.id]);
    expect(body.items[0]).toMatchObject({
      message: 'カメラを持っています',
      applicant: {
        // skills with their level, the one they can teach first; and the categories they care for
        skills: [
          { key: 'video_editing', level: 'teach' },
          { key: 'photography', level: 'can' },
        ],
        interestCategories: ['photo_video'],
        languages: ['ja', 'en'],
        completedHelps: 0,
        thanksReceived: null,
      },
      ratings: null,
    });
    expect(body.items[1]!.applicant).toMatchObject({ skills: [], thanksReceived: 0 });
  });

  it('refuses other associations, other municipalities and volunteers; 404 for unknown requests', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    await applied(t, volunteer.headers, request.id, 'ひみつの応募文');
    for (const headers of [
      await as(t, officers.umeda),
      await as(t, officers.okubo),
      await as(t, demoEmails.staffShinjuku),
      volunteer.headers,
    ]) {
      const res = await get(t, headers, `/api/requests/${request.id}/applications`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('ひみつの応募文');
    }
    expect((await get(t, {}, `/api/requests/${request.id}/applications`)).statusCode).toBe(401);
    expect((await get(t, senju, '/api/requests/00000000-0000-4000-8000-000000000000/applications')).statusCode).toBe(
      404,
    );
  });
});

describe('listMyApplications', () => {
  it("lists only the caller's own applications, newest first, also after the request left the board", async () => {
    const volunteer = await createVolunteer(t);
    const first = await insertRequest(t);
    const second = await insertRequest(t, { association: 'okubo' });
    await applied(t, volunteer.headers, first.id);
    await applied(t, volunteer.headers, second.id);
    const other = await createVolunteer(t);
    await applied(t, other.headers, first.id);
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ status: 'withdrawn' })
      .where(eq(schema.helpRequests.id, first.id));

    const res = await get(t, volunteer.headers, '/api/me/applications');
    const items = MyApplicationList.parse(res.json()).items;
    expect(items.map((a) => a.request.id)).toEqual([second.id, first.id]);
    expect(items[1]!.request).toMatchObject({ title: first.title, status: 'withdrawn' });
    expect(items[0]!.request).toMatchObject({ municipalityCode: '13104', municipalityName: '新宿区' });
    expect((await get(t, {}, '/api/me/applications')).statusCode).toBe(401);
  });
});
