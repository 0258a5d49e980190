import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { open } from './kit/pages.ts';
import { demo, newPerson } from './kit/people.ts';
import { apiAs, applyAs, createVolunteer, insertRequest } from './kit/scene.ts';

/** axe (WCAG 2.2 A/AA) on the board's pages, in Japanese and in やさしい日本語, in the states people meet. */

let volunteer: { id: string; email: string };
let requestId: string;
let matchId: string;

useBrowserApp();
beforeAll(async () => {
  requestId = await insertRequest(t, {
    title: 'お祭りのテント設営',
    body: 'テントを4張り立てます。\n地図：https://example.org/map',
    category: 'manual_labour',
    slots: 3,
    exactPlace: '千住一丁目公園',
    skills: ['力仕事', 'テント設営'],
  });
  const other = await insertRequest(t, { title: '回覧板の見直し', category: 'admin_accounting' });
  volunteer = await createVolunteer(t, { verified: true, displayName: 'アクセシビリティ 確認', phone: '03-1234-5678' });
  matchId = await applyAs(t, volunteer.email, requestId, 'お手伝いします。');
  await applyAs(t, volunteer.email, other, '見てみます。');
  await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${matchId}/accept`);
  await apiAs(t, volunteer.email, 'POST', `/api/applications/${matchId}/messages`, { body: 'よろしくお願いします。' });
  await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${matchId}/messages`, {
    body: 'こちらこそ。https://example.org/info',
  });
  await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${matchId}/complete`);
}, 120_000);

const pages = [
  { name: 'the board', path: () => '/requests', signedIn: false },
  {
    name: 'the board, filtered to nothing',
    path: () => '/requests?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84',
    signedIn: false,
  },
  { name: 'the board with a bad date range', path: () => '/requests?from=2026-08-10&to=2026-08-01', signedIn: false },
  { name: 'a request, signed out', path: () => `/requests/${requestId}`, signedIn: false },
  { name: 'a request, matched volunteer', path: () => `/requests/${requestId}`, signedIn: true },
  {
    name: 'my applications (a match to confirm and thank, one pending)',
    path: () => '/me/applications',
    signedIn: true,
  },
  { name: 'the match thread', path: () => `/matches/${matchId}`, signedIn: true },
  { name: 'a volunteer profile', path: () => `/volunteers/${volunteer.id}`, signedIn: true },
];

describe.each(['ja', 'ja-easy'] as const)('axe finds nothing (%s)', (lang) => {
  it.each(pages)('on $name', async (target) => {
    const { page } = await newPerson({ lang, ...(target.signedIn ? { as: volunteer.email } : {}) });
    const response = await open(page, t, target.path());
    expect(response?.status(), target.name).toBe(200);
    // open every folded part, so axe checks what is inside too
    await page.locator('details:not([open]) > summary').evaluateAll((els) => {
      for (const el of els) el.parentElement?.setAttribute('open', '');
    });
    expect(await accessibilityViolations(page), target.name).toEqual([]);
  });
});
