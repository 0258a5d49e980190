/**
 * Every page fits a narrow screen (issue 13, WCAG 2.2 reflow): at 320 px wide — a small phone, or
 * a desktop window zoomed to 400% — no page scrolls sideways, in Japanese, English and やさしい日本語;
 * and at 640 px with the largest text size — a 1280 px window at 200% zoom, for a reader who also
 * chose big type — in English, whose long words break lines worst. Each page is opened as the
 * person who uses it, and must answer 200 at its own address (a redirect to sign in would prove
 * nothing). The printable flyers and sheets are A4 paper, checked as one printed page instead
 * (print-pages.test.ts); /dev/mail exists only in the demo.
 * This file: Japanese and やさしい日本語 (reach-reflow-english.test.ts: English; two files, so the
 * two halves run side by side).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEveryPageScene, pagesThatScrollSideways } from './kit/every-page.ts';
import { useBrowserApp } from './kit/index.ts';

useBrowserApp();
beforeAll(makeEveryPageScene, 120_000);

describe('every page fits 320 px without sideways scrolling', () => {
  it.each(['ja', 'ja-easy'] as const)('in %s', async (lang) => {
    expect(await pagesThatScrollSideways(lang, { width: 320, height: 640 })).toEqual([]);
  });
});
