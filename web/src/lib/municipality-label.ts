import type { Municipality } from '@board/shared';
import type { Lang } from '#lib/i18n/languages.ts';

type Names = Pick<Municipality, 'nameJa' | 'nameKana' | 'nameEn'>;

/**
 * A municipality's name as plain text (for <option>, table cells, sentences): Japanese; English
 * with the Japanese name; for やさしい日本語 the Japanese name with its kana reading.
 * MunicipalityName.svelte is the richer version for running text (ruby furigana).
 */
export function municipalityLabel(lang: Lang, m: Names): string {
  if (lang === 'en') return `${m.nameEn} (${m.nameJa})`;
  if (lang === 'ja-easy') return `${m.nameJa}（${m.nameKana}）`;
  return m.nameJa;
}

/** Looks a code up in a list, falling back to the code itself (or a given Japanese name). */
export function municipalityLabelByCode(
  lang: Lang,
  list: readonly (Names & { code: string })[],
  code: string | null | undefined,
  fallback?: string | null,
): string {
  if (!code) return fallback ?? '';
  const found = list.find((m) => m.code === code);
  return found ? municipalityLabel(lang, found) : (fallback ?? code);
}

/** The same for a row that carries the names as `municipalityNameJa`, `…En`, `…Kana` (e.g. a story). */
export function municipalityLabelOf(
  lang: Lang,
  row: { municipalityNameJa: string; municipalityNameEn: string; municipalityNameKana: string },
): string {
  return municipalityLabel(lang, {
    nameJa: row.municipalityNameJa,
    nameEn: row.municipalityNameEn,
    nameKana: row.municipalityNameKana,
  });
}
