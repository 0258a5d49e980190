import { FreeSkillTagList, ListFreeSkillTagsQuery, SkillList } from '@board/shared';
import { listFreeSkillTags, listSkills } from './service.ts';
import { defineRoutes, route } from '../../routes/define-routes.ts';

/** The skills vocabulary (スキル) shared by requests and profiles, and the free tags that grow it. */
export default defineRoutes('skills', {
  listSkills: route('GET /api/skills', {
    summary: 'The skills vocabulary: each skill with its category, labels in ja / en / ja-easy and synonyms',
    signIn: 'optional',
    response: { 200: SkillList },
    handler: async (_context, _input, { reply }) => {
      reply.header('cache-control', 'public, max-age=3600');
      return listSkills();
    },
  }),
  listFreeSkillTags: route('GET /api/skills/free-tags', {
    summary:
      'The free skill tags most used on requests that match no skill of the vocabulary (staff: their municipality; foundation: all)',
    input: { query: ListFreeSkillTagsQuery },
    response: { 200: FreeSkillTagList },
    errors: [403],
    handler: (context, { query }) => listFreeSkillTags(context, query.municipalityCode),
  }),
});
