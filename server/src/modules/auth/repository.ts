import { schema, type Database } from '@board/db';
import type { Language } from '@board/shared';
import { and, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';
import { elevateWithin } from '../../database/door.ts';
import { databaseNowPlus } from '../../database/now.ts';

const { users, roleAssignments, oneTimeTokens } = schema;

export type TokenPurpose = (typeof schema.oneTimeTokenPurposes)[number];

export interface AccountRow {
  id: string;
  email: string | null;
  emailVerifiedAt: Date | null;
  passwordHash: string | null;
  displayName: string;
  language: Language;
}

const accountColumns = columns(users, 'id', 'email', 'emailVerifiedAt', 'passwordHash', 'displayName', 'language');

/** the live (not deleted) account the condition picks, or null */
async function findLive(tx: Database, which: SQL): Promise<AccountRow | null> {
  const [row] = await tx
    .select(accountColumns)
    .from(users)
    .where(and(which, isNull(users.deletedAt)));
  return row ?? null;
}

/** the token with this hash, of one of the purposes, not used and not expired */
function usable(tokenHash: string, purposes: readonly TokenPurpose[]): SQL | undefined {
  return and(
    eq(oneTimeTokens.tokenHash, tokenHash),
    inArray(oneTimeTokens.purpose, [...purposes]),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, sql`now()`),
  );
}

/** SQL for accounts, one-time tokens and the signed-in person's view of themselves. */
export const accountRepository = {
  /** a live (not deleted) account by its normalised email */
  findByEmail: (tx: Database, email: string) => findLive(tx, eq(users.email, email)),

  findById: (tx: Database, id: string) => findLive(tx, eq(users.id, id)),

  /** inserts a new, unverified account; null when the email is taken (also when a parallel request just took it) */
  async insertIfAbsent(
    tx: Database,
    values: { email: string; passwordHash: string; displayName: string; language: Language },
  ): Promise<string | null> {
    const [row] = await tx
      .insert(users)
      .values(values)
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    return row?.id ?? null;
  },

  async grantVolunteer(tx: Database, userId: string): Promise<void> {
    await tx.insert(roleAssignments).values({ userId, role: 'volunteer' }).onConflictDoNothing();
  },

  /** sets the password; returns when (the database's now() of the transaction), for the notice */
  async setPasswordHash(tx: Database, userId: string, passwordHash: string): Promise<Date> {
    const [row] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, userId))
      .returning({ changedAt: sql<Date>`now()`.mapWith(users.createdAt) });
    return row!.changedAt;
  },

  /**
   * Issues a single-use token that works for `lifetimeMs` from the database's now(), dropping the
   * person's earlier unused ones of the same purpose.
   */
  async issueToken(
    tx: Database,
    token: { userId: string; purpose: TokenPurpose; tokenHash: string; email?: string; lifetimeMs: number },
  ): Promise<void> {
    const { lifetimeMs, ...values } = token;
    const expiresAt = databaseNowPlus(lifetimeMs);
    // one-time tokens are system-only (migration 0010): issued for the person the caller names
    await elevateWithin(tx, 'issue a one-time token', async () => {
      await tx
        .delete(oneTimeTokens)
        .where(
          and(
            eq(oneTimeTokens.userId, token.userId),
            eq(oneTimeTokens.purpose, token.purpose),
            isNull(oneTimeTokens.usedAt),
          ),
        );
      await tx.insert(oneTimeTokens).values({ ...values, email: values.email ?? null, expiresAt });
    });
  },

  /**
   * Spends a token atomically: only an unused, unexpired token of one of the purposes matches,
   * and only once, however many requests race for it.
   */
  async consumeToken(
    tx: Database,
    tokenHash: string,
    purposes: readonly TokenPurpose[],
  ): Promise<{ userId: string; purpose: TokenPurpose; email: string | null } | null> {
    const [row] = await tx
      .update(oneTimeTokens)
      .set({ usedAt: sql`now()` })
      .where(usable(tokenHash, purposes))
      .returning({ userId: oneTimeTokens.userId, purpose: oneTimeTokens.purpose, email: oneTimeTokens.email });
    return row ?? null;
  },

  /** whose token this is, if it could be spent now (read only; spending is `consumeToken`) */
  async findUsableToken(tx: Database, tokenHash: string, purposes: readonly TokenPurpose[]): Promise<string | null> {
    const [row] = await tx
      .select({ userId: oneTimeTokens.userId })
      .from(oneTimeTokens)
      .where(usable(tokenHash, purposes));
    return row?.userId ?? null;
  },

  /** the account that proved `email` (another may hold it unproven), or null */
  async provenHolderOf(tx: Database, email: string): Promise<string | null> {
    const [holder] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNotNull(users.emailVerifiedAt)));
    return holder?.id ?? null;
  },

  /**
   * Marks the address proven now (the database's now()), optionally moving the account to
   * `newEmail` and dropping the password; without `newEmail` only an unproven address is marked.
   * Returns the proof's stamp, or null when nothing was marked. A taken `newEmail` throws a
   * unique violation.
   */
  async markProven(
    tx: Database,
    userId: string,
    change: { newEmail?: string | undefined; dropPassword: boolean },
  ): Promise<Date | null> {
    const proof = { emailVerifiedAt: sql`now()`, ...(change.newEmail ? { email: change.newEmail } : {}) };
    const [proven] = await tx
      .update(users)
      .set(change.dropPassword ? { ...proof, passwordHash: null } : proof)
      .where(and(eq(users.id, userId), change.newEmail ? undefined : isNull(users.emailVerifiedAt)))
      .returning({ provenAt: users.emailVerifiedAt });
    return proven?.provenAt ?? null;
  },

  /** live accounts that signed up with `email` and never proved it lose it and their password; returns their ids */
  async releaseUnproven(tx: Database, email: string): Promise<string[]> {
    const released = await tx
      .update(users)
      .set({ email: null, passwordHash: null })
      .where(and(eq(users.email, email), isNull(users.emailVerifiedAt), isNull(users.deletedAt)))
      .returning({ id: users.id });
    return released.map(({ id }) => id);
  },

  /** drops unused tokens of these purposes (e.g. links mailed to an address the person no longer uses) */
  async dropUnusedTokens(tx: Database, userId: string, purposes: readonly TokenPurpose[]): Promise<void> {
    await elevateWithin(tx, 'drop unused one-time tokens', () =>
      tx
        .delete(oneTimeTokens)
        .where(
          and(
            eq(oneTimeTokens.userId, userId),
            inArray(oneTimeTokens.purpose, [...purposes]),
            isNull(oneTimeTokens.usedAt),
          ),
        ),
    );
  },
};
