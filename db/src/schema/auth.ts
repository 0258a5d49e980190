import { index, pgEnum, pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredLink } from './columns.ts';
import { systemOnly } from './access.ts';
import { users } from './users.ts';

export const oneTimeTokenPurposes = ['verify_email', 'change_email', 'sign_in_link', 'password_reset'] as const;
export const oneTimeTokenPurpose = pgEnum('one_time_token_purpose', oneTimeTokenPurposes);

/** Single-use emailed links (verification, sign-in link, password reset). Only the SHA-256 of the token is kept. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: id(),
    userId: requiredLink('user_id', () => users.id, { onDelete: 'cascade' }),
    purpose: oneTimeTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** for change_email: the address being verified */
    email: text('email'),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  // system only: found by their hash when a link is opened, never by a person's query
  (t) => [index('one_time_tokens_user_idx').on(t.userId), pgPolicy('one_time_tokens_system', systemOnly)],
);

/**
 * Refresh tokens, rotated on every use. All tokens descending from one sign-in share a family,
 * which is the session: access tokens carry its id (`sid`) and work only while it has a token not
 * revoked. Presenting a token that was already rotated revokes the whole family (likely theft).
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    userId: requiredLink('user_id', () => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    rotatedAt: at('rotated_at'),
    /** set when a concurrent refresh got its one twin from this spent token; a further replay ends the family */
    twinnedAt: at('twinned_at'),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    // system only: rotated, checked and revoked by the server, never read by a person's query
    pgPolicy('refresh_tokens_system', systemOnly),
  ],
);
