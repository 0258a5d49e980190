/**
 * Every page fits a narrow screen (issue 13, WCAG 2.2 reflow): at 320 px wide — a small phone, or
 * a desktop window zoomed to 400% — no page scrolls sideways, in Japanese, English and やさしい日本語;
 * and at 640 px with the largest text size — a 1280 px window at 200% zoom, for a reader who also
 * chose big type — in English, whose long words break lines worst. Each page is opened as the
 * person who uses it, and must answer 200 at its own address (a redirect to sign in would prove
 * nothing). The printable flyers and sheets are A4 paper, checked as one printed page instead
 * (print-pages.test.ts); /dev/mail exists only in the demo.
 * This file: English (reach-reflow-japanese.test.ts: Japanese and やさしい日本語; two files, so the
 * two halves run side by side).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEveryPageScene, pagesThatScrollSideways, signedInAnswersKept } from './kit/every-page.ts';
import { useBrowserApp } from './kit/index.ts';

useBrowserApp();
beforeAll(makeEveryPageScene, 120_000);

describe('every page fits 320 px without sideways scrolling', () => {
  it('in en', async () => {
    expect(await pagesThatScrollSideways('en', { width: 320, height: 640 })).toEqual([]);
  });
});

describe('every page fits 200% zoom with the largest text', () => {
  it('in en, at 640 px (1280 px at 200%), text size "extra large"', async () => {
    expect(await pagesThatScrollSideways('en', { width: 640, height: 400 }, 'xlarge')).toEqual([]);
  });
});

describe('what a signed-in person sees is never kept in a cache', () => {
  it('every page and its navigation data answers cache-control: no-store, theirs and the public ones', async () => {
    expect(await signedInAnswersKept()).toEqual([]);
  });
});
