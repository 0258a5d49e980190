import type { HelpRequestPublic } from '@board/shared';
import type { Lang } from '#lib/i18n/languages.ts';
import type { TextLang } from './text-language.ts';

/**
 * The officer's summary of a request for a reader of this interface language, with its language:
 * the English one for English pages, the やさしい日本語 one for easy-Japanese pages; none in
 * Japanese (the request itself is Japanese) or when the officer wrote none.
 */
export function summaryFor(
  request: Pick<HelpRequestPublic, 'summaryEn' | 'summaryJaEasy'>,
  lang: Lang,
): { text: string; lang: TextLang } | null {
  const text = lang === 'en' ? request.summaryEn : lang === 'ja-easy' ? request.summaryJaEasy : '';
  return text.trim() ? { text, lang: lang === 'en' ? 'en' : 'ja' } : null;
}
