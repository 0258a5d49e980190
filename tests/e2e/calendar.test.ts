import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectNoViolations, submitForm } from './kit/pages.ts';
import { demo, visitAs } from './kit/people.ts';
import { apiAs, applyAs, createVolunteer, insertRequest, instantFromNow } from './kit/scene.ts';
import { langs, texts } from './kit/texts.ts';

/**
 * Calendars in the browser (issue 11): the private calendar feed on /me/calendar (made, shown once,
 * working, stopped) and "add to your calendar" on the match page, in three languages, with and
 * without JavaScript, axe-clean.
 */

useBrowserApp();

async function datedMatch(title: string) {
  const requestId = await insertRequest(t, { title, startsAt: new Date(instantFromNow(7)), exactPlace: '千住会館' });
  const volunteer = await createVolunteer(t, { verified: true });
  const applicationId = await applyAs(t, volunteer.email, requestId, 'お手伝いします。');
  const res = await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/accept`, {});
  expect(res.status).toBe(200);
  return { volunteer, applicationId };
}

describe('the calendar feed on /me/calendar', () => {
  it.each([...langs.map((lang) => [lang, true] as const), ['ja', false] as const])(
    'is made, shown once, works, and stops (%s, JavaScript %s)',
    async (lang, javaScript) => {
      const say = (key: Parameters<ReturnType<typeof texts>['t']>[0]) => texts(lang).t(key);
      const title = `カレンダーの依頼 ${lang} ${javaScript}`;
      const { volunteer } = await datedMatch(title);
      const { page, context } = await visitAs('/me', { as: volunteer.email, lang, javaScript });
      // the overview links to it: an officer of 75 finds it there
      await Promise.all([page.waitForURL(/\/me\/calendar$/), page.locator('main a[href="/me/calendar"]').click()]);
      const section = page.getByTestId('calendar-feed');
      await expect.poll(() => section.innerText()).toContain(say('account.calendar.none'));

      await submitForm(page, 'calendarFeed');
      const url = await section.locator('#calendar-url').inputValue();
      expect(url).toMatch(/\/api\/calendar-feed\?token=[\w-]{43}$/);
      expect(await section.innerText()).toContain(say('account.calendar.created'));
      await expectNoViolations(page, `calendar address shown (${lang}, JavaScript ${javaScript})`);

      const feed = await context.request.get(url.replace(/^https?:\/\/[^/]+/, t.baseUrl));
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toContain('text/calendar');
      expect(await feed.text()).toContain(`SUMMARY:${title}`);

      await submitForm(page, 'revokeCalendarFeed');
      // the result may be drawn a moment after the reload on a busy machine
      await expect.poll(() => section.innerText()).toContain(say('account.calendar.revoked'));
      expect(await section.locator('#calendar-url').count()).toBe(0);
      const stopped = await context.request.get(url.replace(/^https?:\/\/[^/]+/, t.baseUrl));
      expect(stopped.status()).toBe(404);
      await expectNoViolations(page, `calendar address stopped (${lang}, JavaScript ${javaScript})`);
    },
    120_000,
  );

  it('a form of the single page /me was (posted to /me?/calendarFeed) is re-sent to /me/calendar', async () => {
    const { context } = await visitAs('/me', { as: demo.volunteer1 });
    const old = `${t.baseUrl}/me?/calendarFeed`;
    // as a browser's form post asks (accept */* would be taken for an enhanced form's JSON request)
    const headers = { origin: t.baseUrl, accept: 'text/html' };
    const moved = await context.request.post(old, { headers, form: {}, maxRedirects: 0 });
    expect(moved.status()).toBe(307);
    expect(moved.headers().location).toBe('/me/calendar?/calendarFeed');
    const made = await context.request.post(old, { headers, form: {} });
    expect(made.status()).toBe(200);
    expect(new URL(made.url()).pathname).toBe('/me/calendar');
    expect(await made.text()).toMatch(/\/api\/calendar-feed\?token=[\w-]{43}/);
  });
});

describe('the match page', () => {
  it.each(langs)('offers the calendar file to both sides (%s)', async (lang) => {
    const say = (key: Parameters<ReturnType<typeof texts>['t']>[0]) => texts(lang).t(key);
    const { volunteer, applicationId } = await datedMatch(`マッチのカレンダー ${lang}`);
    for (const who of [volunteer.email, demo.officerSenju]) {
      const { page, context } = await visitAs(`/matches/${applicationId}`, { as: who, lang });
      const link = page.getByTestId('match-calendar');
      expect(await link.innerText()).toBe(say('board.thread.calendar'));
      await expectNoViolations(page, `match page with its calendar link (${lang})`);
      const file = await context.request.get(`${t.baseUrl}/matches/${applicationId}/calendar.ics`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.ics"$/);
      expect(await file.text()).toContain('BEGIN:VEVENT');
    }
  });

  it('gives nobody else the file, and has no link for work without a date', async () => {
    const { applicationId } = await datedMatch('よその人には見えない予定');
    const { context } = await visitAs('/me', { as: demo.volunteer2 });
    const refused = await context.request.get(`${t.baseUrl}/matches/${applicationId}/calendar.ics`);
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain('BEGIN:VCALENDAR');

    const requestId = await insertRequest(t, { title: '日にちを決めない依頼' });
    const volunteer = await createVolunteer(t, { verified: true });
    const id = await applyAs(t, volunteer.email, requestId, 'はい');
    expect((await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${id}/accept`, {})).status).toBe(200);
    const { page } = await visitAs(`/matches/${id}`, { as: volunteer.email });
    await expect.poll(() => page.locator('main').innerText()).toContain('日にちを決めない依頼');
    expect(await page.getByTestId('match-calendar').count()).toBe(0);
  });
});
