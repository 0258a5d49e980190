/**
 * Every page fits a narrow screen (issue 13, WCAG 2.2 reflow): at 320 px wide — a small phone, or
 * a desktop window zoomed to 400% — no page scrolls sideways, in Japanese, English and やさしい日本語;
 * and at 640 px with the largest text size — a 1280 px window at 200% zoom, for a reader who also
 * chose big type — in English, whose long words break lines worst. Each page is opened as the
 * person who uses it, and must answer 200 at its own address (a redirect to sign in would prove
 * nothing). The printable flyers and sheets are A4 paper, checked as one printed page instead
 * (print-pages.test.ts); /dev/mail exists only in the demo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  applyAs,
  associationIdOf,
  demo,
  insertRequest,
  langs,
  newPerson,
  open,
  t,
  useBrowserApp,
  userIdOf,
  type Lang,
} from './kit/index.ts';
import { sidewaysScroll } from './kit/pages.ts';

useBrowserApp();

const ids = { request: '', draft: '', pending: '', match: '', story: '', association: '', volunteer: '' };

beforeAll(async () => {
  ids.request = await insertRequest(t, {
    title: '回覧板のチラシ作りと防災訓練の受付をお願いします',
    category: 'design_flyers',
  });
  ids.draft = await insertRequest(t, { title: '下書きの依頼', status: 'draft' });
  ids.pending = await insertRequest(t, { title: '確認を待つ依頼', status: 'pending_review' });
  ids.match = await applyAs(t, demo.volunteer1, ids.request, 'お手伝いします');
  await api(t, demo.officerSenju, 'POST', `/api/applications/${ids.match}/accept`);
  await api(t, demo.officerSenju, 'POST', `/api/applications/${ids.match}/complete`);
  await api(t, demo.volunteer1, 'POST', `/api/applications/${ids.match}/confirm`);
  const story = await api<{ id: string }>(t, demo.officerSenju, 'POST', `/api/applications/${ids.match}/story`, {
    // a long title without spaces, with readings in やさしい日本語: the hardest line to break
    title: '回覧板だけだったお知らせが、スマホでも届くようになりました',
    trouble: '町会のお知らせが読みにくいと言われていました。',
    whatDone: '大きな字のチラシを作っていただきました。',
    whatChanged: '防災訓練に来る人が増えました。',
  });
  ids.story = story.id;
  await api(t, demo.volunteer1, 'POST', `/api/stories/${ids.story}/consent`, { consent: 'named' });
  await api(t, demo.staffAdachi, 'POST', `/api/stories/${ids.story}/approve`, { decision: 'approve' });
  ids.association = await associationIdOf(t, '千住一丁目町会');
  ids.volunteer = await userIdOf(t, demo.volunteer1);
}, 120_000);

/** Who opens which pages (ids are filled in before the tests run). */
const pagesOf = (): { as: string | null; paths: string[] }[] => [
  {
    as: null,
    paths: [
      '/',
      '/requests',
      `/requests/${ids.request}`,
      '/stories',
      `/stories/${ids.story}`,
      '/open-data',
      '/signin',
      '/signup',
      '/reset-password',
      '/invitations/accept?token=unknown-token-unknown-token',
      '/unsubscribe?key=not-a-key',
      '/me/deleted',
    ],
  },
  {
    as: demo.volunteer1,
    paths: [
      '/me',
      '/me/profile',
      '/me/skills',
      '/me/availability',
      '/me/calendar',
      '/me/data',
      '/me/delete',
      '/me/applications',
      '/me/help-invitations',
      '/me/notifications',
      '/notifications',
      `/matches/${ids.match}`,
      `/matches/${ids.match}/story`,
      `/volunteers/${ids.volunteer}`,
    ],
  },
  {
    as: demo.officerSenju,
    paths: [
      '/association/requests',
      `/association/requests/${ids.request}`,
      `/association/requests/${ids.draft}/edit`,
      '/association/requests/new',
    ],
  },
  {
    as: demo.staffAdachi,
    paths: [
      '/staff',
      '/staff/associations',
      `/staff/associations/${ids.association}`,
      '/staff/audit',
      '/staff/failed-deliveries',
      '/staff/figures',
      '/staff/flags',
      '/staff/invitations',
      '/staff/matches',
      `/staff/matches/${ids.match}`,
      '/staff/moderation',
      `/staff/moderation/${ids.pending}`,
      '/staff/requests',
      '/staff/requests/new',
      '/staff/settings',
      '/staff/stories',
    ],
  },
  { as: demo.foundation, paths: ['/staff/municipalities', '/staff/municipalities/13121'] },
];

/** Opens every page of every person in one kept page each, and lists those that scroll sideways. */
async function pagesThatScrollSideways(lang: Lang, viewport: { width: number; height: number }, textSize?: string) {
  const problems: string[] = [];
  for (const { as, paths } of pagesOf()) {
    const { page, context } = await newPerson({ as, lang, viewport });
    if (textSize) await context.addCookies([{ name: 'text_size', value: textSize, url: t.baseUrl }]);
    for (const path of paths) {
      const response = await open(page, t, path);
      expect(`${response?.status()} ${new URL(page.url()).pathname}`, `${as ?? 'anonymous'} ${path}`).toBe(
        `200 ${path.split('?')[0]}`,
      );
      const overflow = await sidewaysScroll(page);
      if (overflow > 0) problems.push(`${path} as ${as ?? 'anonymous'}: ${overflow} px`);
    }
    await context.close();
  }
  return problems;
}

describe('every page fits 320 px without sideways scrolling', () => {
  it.each(langs)('in %s', async (lang) => {
    expect(await pagesThatScrollSideways(lang, { width: 320, height: 640 })).toEqual([]);
  });
});

describe('every page fits 200% zoom with the largest text', () => {
  it('in en, at 640 px (1280 px at 200%), text size "extra large"', async () => {
    expect(await pagesThatScrollSideways('en', { width: 640, height: 400 }, 'xlarge')).toEqual([]);
  });
});
