import type { OfMatch } from '../applications/repository.ts';
import { schema, type Database } from '@board/db';
import type { RubyText } from '@board/shared';
import { desc, eq } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { textsWithoutReadings } from '../../database/readings.ts';

const { messages, users } = schema;

const messageColumns = {
  ...columns(
    messages,
    'id',
    'applicationId',
    'municipalityCode',
    'volunteerId',
    'senderId',
    'body',
    'bodyRuby',
    'hiddenAt',
    'createdAt',
  ),
  senderName: users.displayName,
};

export type MessageRow = {
  id: string;
  applicationId: string;
  municipalityCode: string;
  volunteerId: string;
  senderId: string | null;
  senderName: string | null;
  body: string;
  bodyRuby: RubyText | null;
  hiddenAt: Date | null;
  createdAt: Date;
};

/** At most this many messages in one answer (the newest ones). */
export const threadLimit = 1000;

/** SQL for a match's private thread. Runs inside the caller's transaction (row-level security as the actor). */
export function messageRepository(tx: Database) {
  const select = () => tx.select(messageColumns).from(messages).leftJoin(users, eq(users.id, messages.senderId));
  return {
    /** the thread, oldest first */
    async thread(applicationId: string): Promise<MessageRow[]> {
      const rows = await select()
        .where(eq(messages.applicationId, applicationId))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(threadLimit);
      return rows.reverse();
    },

    async find(id: string): Promise<MessageRow | null> {
      const [row] = await select().where(eq(messages.id, id));
      return row ?? null;
    },

    async insert(values: OfMatch & { senderId: string; body: string; bodyRuby: RubyText | null }): Promise<string> {
      const [row] = await tx.insert(messages).values(values).returning({ id: messages.id });
      return row!.id;
    },

    /**
     * Messages stored before readings were made for them (migration 0035) whose body has kanji,
     * oldest id first. A kana-only body keeps a null ruby for good, so it is never picked again.
     */
    withoutReadings: (limit: number) =>
      textsWithoutReadings(
        tx,
        { table: messages, id: messages.id, text: messages.body, ruby: messages.bodyRuby },
        limit,
      ),

    /** Readings made for a message already stored (its body and times stay). */
    async setBodyRuby(id: string, bodyRuby: RubyText | null): Promise<void> {
      await tx.update(messages).set({ bodyRuby }).where(eq(messages.id, id));
    },
  };
}
