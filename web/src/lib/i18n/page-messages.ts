import scan from 'virtual:page-messages';
import { messagesFor, type MessageKey, type Messages } from './catalogue.ts';
import type { Lang } from './languages.ts';

/**
 * The messages one page needs in the browser: the keys its route's files use (found at build time
 * by web/vite/message-keys.ts), so a page no longer carries the whole language (≈ 56 KB) in its
 * HTML. A build without the scan (`pnpm dev`) sends everything. Server-side only.
 */
export function pageMessagesFor(lang: Lang, routeId: string | null): Messages {
  const all = messagesFor(lang);
  if (!scan) return all;
  const keys = (routeId === null ? undefined : scan.routes[routeId]) ?? scan.noRoute;
  const cache = (caches[lang] ??= new Map());
  let picked = cache.get(routeId);
  if (!picked) {
    picked = Object.fromEntries(keys.map((key) => [key, all[key as MessageKey]])) as Messages;
    cache.set(routeId, picked);
  }
  return picked;
}

const caches: Partial<Record<Lang, Map<string | null, Messages>>> = {};
