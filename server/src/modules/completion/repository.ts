import type { OfMatch } from '../applications/repository.ts';
import { schema, type Database } from '@board/db';

const { thanks, ratings } = schema;

/** SQL for thanks and private ratings. Runs inside the caller's transaction (row-level security as the actor). */
export function completionRepository(tx: Database) {
  return {
    /** one note per side per match; null when this side already thanked (the unique index decides) */
    async insertThanks(
      values: OfMatch & { fromUserId: string; toVolunteer: boolean; body: string },
    ): Promise<{ id: string; createdAt: Date } | null> {
      const [row] = await tx
        .insert(thanks)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: thanks.id, createdAt: thanks.createdAt });
      return row ?? null;
    },

    /**
     * A private rating, one per side per match. Only written together with the same side's thanks
     * (whose unique index already refused a second one), so it cannot meet an existing rating.
     * No RETURNING: the rater may write a rating but not read it back (staff-only select policy).
     */
    async insertRating(
      values: OfMatch & { raterId: string; toVolunteer: boolean; score: number; comment: string },
    ): Promise<void> {
      await tx.insert(ratings).values(values);
    },
  };
}
