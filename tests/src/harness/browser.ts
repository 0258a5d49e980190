import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (downloaded browsers do not run here): its headless
 * shell (package chromium-headless-shell, which scripts/test installs), the engine without the full
 * browser's processes, which Playwright itself runs headless; CHROMIUM_PATH=/usr/bin/chromium for the
 * full browser.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The viewport of a context unless told: a phone, as officers use old phones. */
export const phoneViewport = { width: 390, height: 844 };

/** A phone-sized context by default: officers use old phones. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: phoneViewport, locale: 'ja-JP', ...options });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's source, the very copy @axe-core/playwright injects (tests do not depend on axe-core directly). */
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }
).source;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * WCAG 2.2 A/AA violations axe finds on the page, as short readable strings. axe runs once in the
 * page itself (`axe.run`, injected once per document). AxeBuilder's default way costs three to
 * five times as much per check: it injects axe twice and finishes every run in a new blank page,
 * which only pages with cross-origin frames need; a page with frames still goes that way.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  let violations: AxeViolation[];
  if (page.frames().length > 1) {
    violations = (await new AxeBuilder({ page }).withTags(wcagTags).analyze()).violations;
  } else {
    if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource);
    violations = await page.evaluate(
      (values) =>
        (
          window as unknown as {
            axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe
          .run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] })
          .then((r) => r.violations),
      wcagTags,
    );
  }
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
