import type { Me } from '@board/shared';
import type { ContactDesk } from '#lib/contact-desk.ts';
import type { Lang } from '#lib/i18n/languages.ts';
import type { TextSize } from '#lib/reading-comfort.ts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** interface language, resolved in hooks.server.ts from the `lang` cookie or Accept-Language */
      lang: Lang;
      /** the signed-in person (with their roles), or null; resolved in hooks.server.ts */
      me: Me | null;
      /** furigana over user-written Japanese (issue 13), from the `furigana` cookie and the language */
      furigana: boolean;
      /** the text size chosen in this browser (`text_size` cookie) */
      textSize: TextSize;
    }
    // interface Error {}
    interface PageData {
      /** the contact desks of the municipality (or municipalities) a page belongs to, for the site footer */
      contactDesks?: ContactDesk[];
      /** furigana over user-written Japanese and the text size (root layout, issue 13) */
      furigana?: boolean;
      textSize?: TextSize;
    }
    // interface PageState {}
    // Platform: `{ req: IncomingMessage }`, declared by @sveltejs/adapter-node
  }
}

export {};
