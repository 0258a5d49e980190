import { skillOf, type MatchReasonOut } from '@board/shared';
import type { Lang } from '#lib/i18n/languages.ts';

/**
 * Suggestions (issue 10) whose "fits your skill" reasons also name the skill in the reader's
 * language (`params.skillName`, beside its key). The reasons come from the API as keys; naming
 * the few shown here keeps the skills vocabulary out of the browser and every skill's name out of
 * the board's messages (lib/board/skill-label.ts is for pages that show a request's skills).
 */
export function nameReasonSkills<T extends { reasons: MatchReasonOut[] }>(lang: Lang, items: readonly T[]): T[] {
  return items.map((item) => ({
    ...item,
    reasons: item.reasons.map((reason) =>
      reason.key === 'skill'
        ? {
            ...reason,
            params: { ...reason.params, skillName: skillOf(String(reason.params.skill))?.label[lang] ?? null },
          }
        : reason,
    ),
  }));
}
