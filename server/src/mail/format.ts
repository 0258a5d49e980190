import type { Language } from '@board/shared';

const dateLocale: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB', 'ja-easy': 'ja-JP' };

/** A moment in Tokyo time, in the reader's language (e.g. 2026年5月1日 14:05 / 1 May 2026 at 14:05 (Japan time)). */
export function formatWhen(at: Date, language: Language): string {
  const text = new Intl.DateTimeFormat(dateLocale[language], {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
  return language === 'en' ? `${text} (Japan time)` : text;
}

/** `taro@example.jp` → `t***@example.jp`: enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
