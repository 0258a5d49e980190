import type { ServiceContext } from '../services/context.ts';
import { associationRepository } from '../modules/associations/repository.ts';
import { textColumns } from '../modules/help-requests/content.ts';
import { requestRepository } from '../modules/help-requests/repository.ts';
import { messageRepository } from '../modules/messages/repository.ts';
import { storyReadings } from '../modules/stories/readings.ts';
import { storyRepository } from '../modules/stories/repository.ts';
import { rubyOf } from './readings.ts';

const batch = 100;

/**
 * Makes the readings (and kana search tokens) of texts stored before furigana existed, or by the
 * seed: requests' titles and bodies, associations' names, messages' bodies (sent before
 * migration 0035) and stories (written before 0036). Run once after start, in the background; batches of a hundred, so a large
 * board is not held in one transaction. A text once read is never read again (its ruby is no
 * longer null).
 */
export async function fillMissingReadings(ctx: ServiceContext<null>): Promise<number> {
  let filled = 0;
  for (;;) {
    const requests = await ctx.door.asSystem('fill in readings', (tx) => requestRepository(tx).withoutReadings(batch));
    const associations = await ctx.door.asSystem('fill in readings', (tx) =>
      associationRepository(tx).withoutNameReadings(batch),
    );
    const messages = await ctx.door.asSystem('fill in readings', (tx) => messageRepository(tx).withoutReadings(batch));
    const stories = await ctx.door.asSystem('fill in readings', (tx) => storyRepository(tx).withoutReadings(batch));
    if (requests.length + associations.length + messages.length + stories.length === 0) return filled;
    const madeRequests = await Promise.all(
      requests.map(async (row) => ({ id: row.id, ...(await textColumns(row.title, row.body)) })),
    );
    const madeNames = await Promise.all(
      associations.map(async (row) => ({ id: row.id, ruby: await rubyOf(row.name) })),
    );
    const madeMessages = await Promise.all(messages.map(async (row) => ({ id: row.id, ruby: await rubyOf(row.body) })));
    const madeStories = await Promise.all(stories.map(async (row) => ({ id: row.id, ...(await storyReadings(row)) })));
    await ctx.door.asSystem('fill in readings', async (tx) => {
      for (const { id, ...values } of madeRequests) await requestRepository(tx).setReadings(id, values);
      for (const { id, ruby } of madeNames) await associationRepository(tx).setNameRuby(id, ruby);
      for (const { id, ruby } of madeMessages) await messageRepository(tx).setBodyRuby(id, ruby);
      for (const { id, ...readings } of madeStories) await storyRepository(tx).setReadings(id, readings);
    });
    // a text the database took for kanji that the analyser did not: stop rather than read it again
    if (
      !madeRequests.some((m) => m.titleRuby || m.bodyRuby) &&
      !madeNames.some((n) => n.ruby) &&
      !madeMessages.some((m) => m.ruby) &&
      !madeStories.some((m) => m.titleRuby || m.troubleRuby || m.whatDoneRuby || m.whatChangedRuby)
    )
      return filled;
    filled += requests.length + associations.length + messages.length + stories.length;
  }
}
