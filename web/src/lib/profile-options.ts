import { categoryKeys, type Category } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

/** Skills a volunteer can tick: the help-request categories (shared/src/categories.ts). */
export const skillOptions: readonly Category[] = categoryKeys;

export function categoryLabelKey(category: string): MessageKey {
  return `account.category.${category}` as MessageKey;
}

/**
 * Languages a volunteer may say they speak, most asked-for in Tokyo first (Japanese, English,
 * Chinese, Korean, Vietnamese, Nepali, Filipino, Portuguese, Spanish, Indonesian, Burmese,
 * Thai, French). Each with its own name (never translated) beside the translated one.
 */
export const spokenLanguages = [
  { code: 'ja', endonym: '日本語', lang: 'ja' },
  { code: 'en', endonym: 'English', lang: 'en' },
  { code: 'zh', endonym: '中文', lang: 'zh' },
  { code: 'ko', endonym: '한국어', lang: 'ko' },
  { code: 'vi', endonym: 'Tiếng Việt', lang: 'vi' },
  { code: 'ne', endonym: 'नेपाली', lang: 'ne' },
  { code: 'tl', endonym: 'Filipino', lang: 'tl' },
  { code: 'pt', endonym: 'Português', lang: 'pt' },
  { code: 'es', endonym: 'Español', lang: 'es' },
  { code: 'id', endonym: 'Bahasa Indonesia', lang: 'id' },
  { code: 'my', endonym: 'မြန်မာဘာသာ', lang: 'my' },
  { code: 'th', endonym: 'ภาษาไทย', lang: 'th' },
  { code: 'fr', endonym: 'Français', lang: 'fr' },
] as const;

export function spokenLanguageKey(code: string): MessageKey {
  return `account.spoken.${code}` as MessageKey;
}

/** Limits of the volunteer profile (shared/src/accounts.ts VolunteerProfile), for hints. */
export const bioMaxLength = 1000;
export const availabilityMaxLength = 500;
