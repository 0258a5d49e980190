import { schema, type Database } from '@board/db';
import { asc, count, desc, inArray, sql } from 'drizzle-orm';

const { helpRequests } = schema;

/** SQL for the skills vocabulary's free tags. */
export function skillTagRepository(tx: Database) {
  return {
    /** free tags (help_requests.skills) by the number of requests using them, in these municipalities or all */
    async mostUsedFreeTags(municipalityCodes: string[] | undefined, limit: number) {
      const tags = tx
        .select({ tag: sql<string>`unnest(${helpRequests.skills})`.as('tag') })
        .from(helpRequests)
        .where(municipalityCodes ? inArray(helpRequests.municipalityCode, municipalityCodes) : undefined)
        .as('tags');
      const requests = count();
      return tx
        .select({ tag: tags.tag, requests })
        .from(tags)
        .groupBy(tags.tag)
        .orderBy(desc(requests), asc(tags.tag))
        .limit(limit);
    },
  };
}
