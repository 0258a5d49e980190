import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { schema, type Database } from '@board/db';
import type { Invitation, Language, InvitedRole } from '@board/shared';
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { invitations, associations } = schema;

export type InvitationState = Invitation['state'];

const invitationColumns = {
  ...columns(
    invitations,
    'id',
    'role',
    'email',
    'language',
    'municipalityCode',
    'associationId',
    'invitedBy',
    'expiresAt',
    'acceptedAt',
    'revokedAt',
    'createdAt',
  ),
  associationName: associations.name,
};

export interface InvitationRow {
  id: string;
  role: InvitedRole;
  email: string;
  language: Language;
  municipalityCode: string;
  associationId: string | null;
  associationName: string | null;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/**
 * An invitation retired after it had expired (`revoked_at` at or after `expires_at`, when a new one
 * for the same hat was made: see retireExpired) still reads as expired.
 */
export function stateOf(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt && row.revokedAt < row.expiresAt) return 'revoked' as const;
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
  return 'pending' as const;
}

export function invitationView(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    language: row.language,
    municipalityCode: row.municipalityCode,
    associationId: row.associationId,
    associationName: row.associationName,
    state: stateOf(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

function stateCondition(state: InvitationState): SQL {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  switch (state) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return and(isNull(invitations.acceptedAt), lt(invitations.revokedAt, invitations.expiresAt))!;
    case 'expired':
      return and(
        isNull(invitations.acceptedAt),
        lte(invitations.expiresAt, sql`now()`),
        or(isNull(invitations.revokedAt), gte(invitations.revokedAt, invitations.expiresAt)),
      )!;
    case 'pending':
      return and(open, gt(invitations.expiresAt, sql`now()`))!;
  }
}

interface HatToAddress {
  email: string;
  role: InvitedRole;
  municipalityCode: string;
  associationId: string | null;
}

function sameHat(match: HatToAddress): SQL {
  return and(
    eq(invitations.email, match.email),
    eq(invitations.role, match.role),
    eq(invitations.municipalityCode, match.municipalityCode),
    match.associationId === null
      ? isNull(invitations.associationId)
      : eq(invitations.associationId, match.associationId),
  )!;
}

/** "still usable": not accepted, not revoked, not expired */
const usable = () => stateCondition('pending');

/** At most this many rows in one listing (newest first). */
export const invitationListLimit = 500;

/** SQL for invitations. Runs inside the caller's transaction (row-level security as the actor). */
export function invitationRepository(tx: Database) {
  const select = () =>
    tx
      .select(invitationColumns)
      .from(invitations)
      .leftJoin(associations, eq(associations.id, invitations.associationId));

  /** changes an invitation not yet accepted or revoked; false otherwise */
  async function changeIfOpen(id: string, values: PgUpdateSetSource<typeof invitations>): Promise<boolean> {
    const rows = await tx
      .update(invitations)
      .set(values)
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    return rows.length > 0;
  }

  return {
    async find(id: string): Promise<InvitationRow | null> {
      const [row] = await select().where(eq(invitations.id, id));
      return row ?? null;
    },

    async findByTokenHash(tokenHash: string): Promise<InvitationRow | null> {
      const [row] = await select().where(eq(invitations.tokenHash, tokenHash));
      return row ?? null;
    },

    async list(filter: {
      municipalityCodes?: string[] | undefined;
      state?: InvitationState | undefined;
    }): Promise<InvitationRow[]> {
      if (filter.municipalityCodes && filter.municipalityCodes.length === 0) return [];
      return select()
        .where(
          and(
            filter.municipalityCodes ? inArray(invitations.municipalityCode, filter.municipalityCodes) : undefined,
            filter.state ? stateCondition(filter.state) : undefined,
          ),
        )
        .orderBy(desc(invitations.createdAt), desc(invitations.id))
        .limit(invitationListLimit);
    },

    /** an open invitation for exactly this hat to this address, if any */
    async findPending(match: HatToAddress): Promise<InvitationRow | null> {
      const [row] = await select().where(and(sameHat(match), usable()));
      return row ?? null;
    },

    /**
     * Expired, never-used invitations for this hat stop counting as open (`revoked_at` set), so a
     * new one may be made: invitations_one_open_idx allows one open invitation per address and hat.
     */
    async retireExpired(match: HatToAddress): Promise<void> {
      await tx
        .update(invitations)
        .set({ revokedAt: sql`now()` })
        .where(and(sameHat(match), stateCondition('expired'), isNull(invitations.revokedAt)));
    },

    async insert(values: {
      role: InvitedRole;
      email: string;
      language: Language;
      municipalityCode: string;
      associationId: string | null;
      invitedBy: string;
      tokenHash: string;
      expiresAt: Date;
    }): Promise<string> {
      const [row] = await tx.insert(invitations).values(values).returning({ id: invitations.id });
      return row!.id;
    },

    /**
     * Marks a usable invitation accepted, atomically: of two acceptances at once, the second
     * waits on the row lock, then finds `accepted_at` set and gets false.
     */
    async claim(id: string): Promise<boolean> {
      const rows = await tx
        .update(invitations)
        .set({ acceptedAt: sql`now()` })
        .where(and(eq(invitations.id, id), usable()))
        .returning({ id: invitations.id });
      return rows.length > 0;
    },

    async setAcceptedBy(id: string, userId: string) {
      await tx.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, id));
    },

    /** a new token and a new validity for an invitation not yet accepted or revoked; false otherwise */
    renew: (id: string, tokenHash: string, expiresAt: Date) => changeIfOpen(id, { tokenHash, expiresAt }),

    /** revokes an invitation not yet accepted or revoked; false otherwise */
    revoke: (id: string) => changeIfOpen(id, { revokedAt: sql`now()` }),
  };
}
