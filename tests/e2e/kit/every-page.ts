/**
 * Every page of the app, each opened as the person who uses it, for the reflow checks (WCAG 2.2
 * reflow, issue 13: reach-reflow-*.test.ts) and the check that no signed-in page is kept in a cache. The scene is made in the file's `beforeAll`
 * (`makeEveryPageScene`): a request with a match, a story, a draft and one awaiting review.
 */
import { expect } from 'vitest';
import { t } from './boot.ts';
import { open, sidewaysScroll } from './pages.ts';
import { demo, newPerson, userIdOf } from './people.ts';
import { associationIdOf } from './rows.ts';
import { api, insertRequest, matchThroughApi } from './scene.ts';
import type { Lang } from './texts.ts';

const ids = { request: '', draft: '', pending: '', match: '', story: '', association: '', volunteer: '' };

/** Makes what the pages show; call it in the test file's `beforeAll`. */
export async function makeEveryPageScene(): Promise<void> {
  ids.request = await insertRequest(t, {
    title: '回覧板のチラシ作りと防災訓練の受付をお願いします',
    category: 'design_flyers',
  });
  ids.draft = await insertRequest(t, { title: '下書きの依頼', status: 'draft' });
  ids.pending = await insertRequest(t, { title: '確認を待つ依頼', status: 'pending_review' });
  ids.match = await matchThroughApi(t, 'confirmed', ids.request, demo.volunteer1);
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
}

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
export async function pagesThatScrollSideways(
  lang: Lang,
  viewport: { width: number; height: number },
  textSize?: string,
) {
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

/**
 * The pages a signed-in person opens (theirs and the public ones) whose answer, or whose data for a
 * navigation in the browser (`__data.json`), a cache may keep: no `no-store` in its cache-control.
 */
export async function signedInAnswersKept(): Promise<string[]> {
  const everyone = pagesOf().find(({ as }) => as === null)?.paths ?? [];
  const kept: string[] = [];
  for (const { as, paths } of pagesOf().filter(({ as }) => as !== null)) {
    const { context } = await newPerson({ as, lang: 'en' });
    for (const path of [...paths, ...everyone.filter((p) => !p.startsWith('/signin'))]) {
      const [pathname, query] = path.split('?');
      const data = `${pathname === '/' ? '' : pathname}/__data.json${query ? `?${query}` : ''}`;
      for (const url of [path, data]) {
        const response = await context.request.get(`${t.baseUrl}${url}`, { maxRedirects: 0 });
        // a redirect (a signed-in person sent away from /signup) carries nothing of theirs
        if (response.status() !== 200) continue;
        const cacheControl = response.headers()['cache-control'] ?? '(none)';
        if (!cacheControl.split(/,\s*/).includes('no-store')) kept.push(`${url} as ${as}: ${cacheControl}`);
      }
    }
    await context.close();
  }
  return kept;
}
