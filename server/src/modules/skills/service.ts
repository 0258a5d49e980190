import { DomainError, municipalityScope, skills, type FreeSkillTagList, type SkillList } from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { skillTagRepository } from './repository.ts';

/** The vocabulary never changes while the server runs: made once. */
const skillList: SkillList = {
  items: skills.map((s) => ({ key: s.key, category: s.category, label: s.label, synonyms: [...s.synonyms] })),
};

export function listSkills(): SkillList {
  return skillList;
}

/** How many free tags the list shows. */
const freeTagLimit = 30;

/**
 * The free tags on requests of the staff's municipality (the foundation: all, or one), most used
 * first: what officers ask for that the vocabulary lacks. Read under row-level security.
 */
export async function listFreeSkillTags(ctx: SignedInContext, municipalityCode?: string): Promise<FreeSkillTagList> {
  const scope = municipalityScope(ctx.actor, 'skillTag.list', municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not see these tags.');
  return ctx.door.asActor(ctx.actor, async (tx) => ({
    items: await skillTagRepository(tx).mostUsedFreeTags(scope === 'any' ? undefined : scope, freeTagLimit),
  }));
}
