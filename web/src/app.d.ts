import type { Me } from '@board/shared';
import type { Lang } from '#lib/i18n/languages.ts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** interface language, resolved in hooks.server.ts from the `lang` cookie or Accept-Language */
      lang: Lang;
      /** the signed-in person (with their roles), or null; resolved in hooks.server.ts */
      me: Me | null;
    }
    // interface Error {}
    // interface PageData {}
    // interface PageState {}
    // Platform: `{ req: IncomingMessage }`, declared by @sveltejs/adapter-node
  }
}

export {};
