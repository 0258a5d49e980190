/**
 * Code only signed-in people use, kept out of a signed-out reader's scripts (page weight, issue
 * 14). The server imports the parts; the browser imports them before the page that uses this
 * module hydrates (a top-level `await`) when the site header marks the page a signed-in person's
 * (`<header data-signed-in>`, SiteHeader.svelte). The header belongs to the root layout, so on a
 * client-side move the mark is the current session's. `load()` covers a session that began
 * after this module was evaluated without a page load since (an enhanced form that signs in).
 * Same pattern: request-parts.svelte.ts.
 */
const load = async () => ({
  RecommendedList: (await import('#lib/components/matching/RecommendedList.svelte')).default,
});

let parts: Awaited<ReturnType<typeof load>> | null = $state.raw(
  import.meta.env.SSR || document.querySelector('header[data-signed-in]') ? await load() : null,
);

/** The board's signed-in part: a volunteer's recommended requests. */
export const boardParts = {
  get current() {
    return parts;
  },
  async load() {
    parts ??= await load();
  },
};
