import type { Lang } from '#lib/i18n/languages.ts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** interface language, resolved in hooks.server.ts from the `lang` cookie or Accept-Language */
      lang: Lang;
    }
    // interface Error {}
    // interface PageData {}
    // interface PageState {}
    // Platform: `{ req: IncomingMessage }`, declared by @sveltejs/adapter-node
  }
}

export {};
