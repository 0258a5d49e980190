import { auditActions } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { demo, visitAs } from './kit/people.ts';
import { apiAs, applyAs, createVolunteer, insertRequest } from './kit/scene.ts';

/**
 * The foundation follows a match through the audit log page (issue 15): accepted, marked done,
 * confirmed and the request completed, each said in the reader's language from the audit
 * actions table (shared/src/audit-actions.ts).
 */

const title = '防災訓練のチラシを作ってください';

useBrowserApp();
beforeAll(async () => {
  const requestId = await insertRequest(t, { title, category: 'design_flyers', slots: 1 });
  const volunteer = await createVolunteer(t, { verified: true, displayName: 'チラシ 得意子' });
  const id = await applyAs(t, volunteer.email, requestId, 'Canva で作れます。');
  for (const [who, step] of [
    [demo.officerSenju, 'accept'],
    [demo.officerSenju, 'complete'],
    [volunteer.email, 'confirm'],
  ] as const) {
    const res = await apiAs(t, who, 'POST', `/api/applications/${id}/${step}`, step === 'accept' ? {} : undefined);
    expect(res.status, step).toBe(200);
  }
}, 120_000);

describe("the audit log page shows a match's steps", () => {
  it.each(['ja', 'en', 'ja-easy'] as const)('in %s', async (lang) => {
    const { page } = await visitAs('/staff/audit', { as: demo.foundation, lang });
    const rows = await page.locator('tbody tr').allInnerTexts();
    const about = rows.filter((row) => row.includes(`「${title}」`));
    for (const action of ['match.accept', 'match.complete', 'match.confirm', 'request.complete'] as const) {
      expect(
        about.some((row) => row.includes(auditActions[action].text[lang])),
        `${action} in ${lang}`,
      ).toBe(true);
    }
    // nothing is shown by its bare code
    expect(about.join('\n')).not.toMatch(/match\.(accept|complete|confirm)/);
  });
});
