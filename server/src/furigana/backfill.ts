import type { Database } from '@board/db';
import type { RubyText } from '@board/shared';
import type { ServiceContext } from '../services/context.ts';
import { associationRepository } from '../modules/associations/repository.ts';
import { textColumns } from '../modules/help-requests/content.ts';
import { requestRepository } from '../modules/help-requests/repository.ts';
import { messageRepository } from '../modules/messages/repository.ts';
import { storyReadings } from '../modules/stories/readings.ts';
import { storyRepository } from '../modules/stories/repository.ts';
import { rubyOf } from './readings.ts';

const batch = 100;

/** One kind of stored text: how to find rows without readings, read them, and store the readings. */
interface Kind<Row, Made> {
  find(tx: Database): Promise<Row[]>;
  read(row: Row): Promise<Made>;
  store(tx: Database, made: Made): Promise<void>;
  /** whether the analyser found anything to read (kanji) */
  readSomething(made: Made): boolean;
}
const kind = <Row, Made>(k: Kind<Row, Made>) => k as unknown as Kind<unknown, unknown>;

/** A text with one reading of its own (an association's name, a message's body). */
const oneText = (
  find: (tx: Database) => Promise<{ id: string; text: string }[]>,
  store: (tx: Database, id: string, ruby: RubyText | null) => Promise<void>,
) =>
  kind({
    find,
    read: async (row) => ({ id: row.id, ruby: await rubyOf(row.text) }),
    store: (tx, { id, ruby }) => store(tx, id, ruby),
    readSomething: (made) => Boolean(made.ruby),
  });

/** Every kind of text that carries readings: a new kind is one more entry. */
const kinds = [
  kind({
    find: (tx) => requestRepository(tx).withoutReadings(batch),
    read: async (row) => ({ id: row.id, ...(await textColumns(row.title, row.body)) }),
    store: (tx, { id, ...values }) => requestRepository(tx).setReadings(id, values),
    readSomething: (made) => Boolean(made.titleRuby || made.bodyRuby),
  }),
  oneText(
    (tx) => associationRepository(tx).withoutNameReadings(batch),
    (tx, id, ruby) => associationRepository(tx).setNameRuby(id, ruby),
  ),
  oneText(
    (tx) => messageRepository(tx).withoutReadings(batch),
    (tx, id, ruby) => messageRepository(tx).setBodyRuby(id, ruby),
  ),
  kind({
    find: (tx) => storyRepository(tx).withoutReadings(batch),
    read: async (row) => ({ id: row.id, ...(await storyReadings(row)) }),
    store: (tx, { id, ...readings }) => storyRepository(tx).setReadings(id, readings),
    readSomething: (made) => Boolean(made.titleRuby || made.troubleRuby || made.whatDoneRuby || made.whatChangedRuby),
  }),
];

/**
 * Makes the readings (and kana search tokens) of texts stored before furigana existed, or by the
 * seed: requests' titles and bodies, associations' names, messages' bodies (sent before
 * migration 0035) and stories (written before 0036). Run once after start, in the background;
 * batches of a hundred, so a large board is not held in one transaction. A text once read is
 * never read again (its ruby is no longer null).
 */
export async function fillMissingReadings(ctx: ServiceContext<null>): Promise<number> {
  let filled = 0;
  for (;;) {
    const found: unknown[][] = [];
    for (const k of kinds) found.push(await ctx.door.asSystem('fill in readings', (tx) => k.find(tx)));
    const count = found.reduce((sum, rows) => sum + rows.length, 0);
    if (count === 0) return filled;
    const made = await Promise.all(kinds.map((k, i) => Promise.all(found[i]!.map((row) => k.read(row)))));
    await ctx.door.asSystem('fill in readings', async (tx) => {
      for (const [i, k] of kinds.entries()) for (const m of made[i]!) await k.store(tx, m);
    });
    // a text the database took for kanji that the analyser did not: stop rather than read it again
    if (!kinds.some((k, i) => made[i]!.some((m) => k.readSomething(m)))) return filled;
    filled += count;
  }
}
