import { schema } from '@board/db';
import { VolunteerPublicProfile } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { matched } from '../kit/applications.ts';
import { answer, get, patch, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, volunteerProfileInput } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

/**
 * Thanks on the public profile are the volunteer's choice, off until made: a profile saved
 * without the choice keeps them private; ticking the box (PATCH /api/me) shows them.
 */

const t = useApiApp();

/** as another volunteer sees it (profiles are for people signed in) */
async function publicProfile(id: string) {
  const res = await get(t, await as(t, demoEmails.volunteer2), `/api/volunteers/${id}`);
  return answer(res, 200, VolunteerPublicProfile);
}

describe('showing thanks on the public profile', () => {
  it('is off until the volunteer chooses it, and on once they do', async () => {
    const volunteer = await createVolunteer(t);
    // a profile row as any earlier one was made: no choice given (the column's default)
    await t.database.handle.db
      .insert(schema.volunteerProfiles)
      .values({ userId: volunteer.id, interestCategories: ['photo_video'] });
    const officer = await as(t, demoEmails.officerSenju);
    const request = await insertRequest(t);
    const id = await matched(t, volunteer, request.id, demoEmails.officerSenju);
    expect((await post(t, officer, `/api/applications/${id}/complete`)).statusCode).toBe(200);
    expect((await post(t, officer, `/api/applications/${id}/thanks`, { note: '助かりました' })).statusCode).toBe(201);

    const before = await publicProfile(volunteer.id);
    expect(before.thanks).toBeNull();
    expect(before.thanksReceived).toBeNull();
    const me = await get(t, volunteer.headers, '/api/me');
    expect(me.json().volunteerProfile.showThanks).toBe(false);

    const chosen = await patch(t, volunteer.headers, '/api/me', {
      volunteerProfile: volunteerProfileInput({ interestCategories: ['photo_video'] }),
    });
    expect(chosen.statusCode).toBe(200);
    const after = await publicProfile(volunteer.id);
    expect(after.thanksReceived).toBe(1);
    expect(after.thanks?.map((x) => x.body)).toEqual(['助かりました']);
  });
});
