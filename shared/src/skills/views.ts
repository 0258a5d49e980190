import { z } from 'zod';
import { Category } from '../categories.ts';
import { MunicipalityCode } from '../municipalities.ts';
import { SkillKey } from './taxonomy.ts';

/** API shapes of the skills vocabulary: `listSkills` and `listFreeSkillTags`. */

export const SkillView = z.object({
  key: SkillKey,
  category: Category,
  label: z.object({ ja: z.string(), en: z.string(), 'ja-easy': z.string() }),
  synonyms: z.array(z.string()),
});
export type SkillView = z.infer<typeof SkillView>;

export const SkillList = z.object({ items: z.array(SkillView) });
export type SkillList = z.infer<typeof SkillList>;

export const ListFreeSkillTagsQuery = z.object({
  /** staff of several municipalities (or the foundation) may narrow to one */
  municipalityCode: MunicipalityCode.optional(),
});

/** A free tag officers wrote that matches no skill, and on how many requests. */
export const FreeSkillTag = z.object({ tag: z.string(), requests: z.number().int() });
export const FreeSkillTagList = z.object({ items: z.array(FreeSkillTag) });
export type FreeSkillTagList = z.infer<typeof FreeSkillTagList>;
