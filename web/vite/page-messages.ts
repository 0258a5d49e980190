import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { catalogueKeys, scanMessageKeys } from './message-keys.ts';

const ID = 'virtual:page-messages';

/**
 * `virtual:page-messages`: for each route, the message keys its pages use (see message-keys.ts),
 * worked out once per build. The root layout sends only those to the browser. Under `pnpm dev`
 * it is `null` (files change while it runs) and pages get the whole language.
 */
export function pageMessages(): Plugin {
  const webSrc = fileURLToPath(new URL('../src/', import.meta.url));
  const sharedSrc = fileURLToPath(new URL('../../shared/src/', import.meta.url));
  let build = false;
  return {
    name: 'board:page-messages',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      if (!build) return 'export default null;';
      const scan = scanMessageKeys(webSrc, sharedSrc, catalogueKeys(`${webSrc}lib/i18n/messages`));
      return `export default ${JSON.stringify(scan)};`;
    },
  };
}
