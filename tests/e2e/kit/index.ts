/**
 * The browser test kit: every e2e file imports what it needs from here.
 * - boot.ts: `useBrowserApp()` starts the built app and Chromium once per file (`t`, `browser`)
 * - people.ts: demo accounts, a person's browser context (language, signed in, JavaScript or not)
 * - pages.ts: `open()` and `submit()` that wait for hydration and for the whole answer; field errors
 * - texts.ts: the interface texts in each language, from the web's own message files
 * - mail.ts, rows.ts, scene.ts: captured mail, database rows, scenes set without the browser
 */
export * from './boot.ts';
export * from './mail.ts';
export * from './pages.ts';
export * from './people.ts';
export * from './rows.ts';
export * from './scene.ts';
export * from './texts.ts';
export { accessibilityViolations } from '../../src/harness/browser.ts';
