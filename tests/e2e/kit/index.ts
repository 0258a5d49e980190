/**
 * The browser test kit. A test file imports from its modules (one line each; this index
 * re-exports them all):
 * - boot.ts: `useBrowserApp()` starts the built app once per file (`t`) and Chromium once per
 *   worker (`browser`)
 * - people.ts: demo accounts, a person's browser context (language, signed in, JavaScript or not),
 *   signing in on the page (`signInOnPage`, `signInFromLink`), `itHasNoViolationsAt` (axe over pages),
 *   `expectNoSidewaysScrollAt` (pages on a phone 320 px wide)
 * - pages.ts: `open()` and `submit()` that wait for hydration and for the whole answer; field
 *   errors; `formAnswer`; `expectNoViolations`/`expectAccessibleAt` (axe, WCAG 2.2 A/AA)
 * - request-form.ts: the new-request form filled and saved as a draft, a draft sent from its preview
 * - texts.ts: the interface texts in each language, from the web's own message files
 * - mail.ts, rows.ts, scene.ts: captured mail, database rows, scenes set without the browser
 *   (`insertRequest`, `createVolunteer`, `applyAs`, `api`, `requestThroughApi`, `matchThroughApi`, `flagAs`)
 * every-page.ts (not re-exported): every page as the person who uses it, for the reflow checks.
 * The scene builders both kits share live in tests/src/harness/scene.ts.
 */
export * from './boot.ts';
export * from './mail.ts';
export * from './pages.ts';
export * from './people.ts';
export * from './request-form.ts';
export * from './rows.ts';
export * from './scene.ts';
export * from './texts.ts';
export { accessibilityViolations } from '../../src/harness/browser.ts';
