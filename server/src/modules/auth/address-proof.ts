import { schema, type Database } from '@board/db';
import { DomainError } from '@board/shared';
import { isUniqueViolation } from '../../database/unique-violation.ts';
import { accountRepository } from './repository.ts';
import { endAllSessions } from '../accounts/session-repository.ts';

/**
 * How the one proving an address also showed they know the account's password, in the same
 * step: they typed it, or they are signed in (every session before the first proof was opened
 * with the password) in the browser that opened the link. `sessionId` is that session, kept.
 */
export interface PasswordVouch {
  sessionId?: string | undefined;
}

/**
 * The owner of an address has just proven it (an emailed link or invitation reached them). On
 * the first proof, anyone who signed up with the address before it was proven loses their hold:
 * every session of the account ends and the password set before the proof is dropped, unless
 * `vouch` shows the prover knows it (then only the other sessions end). The owner sets a
 * password by the reset link. A later proof changes nothing. Returns whether this was a first
 * proof.
 */
export async function proveAddress(tx: Database, userId: string, vouch: PasswordVouch | null): Promise<boolean> {
  return (await prove(tx, userId, vouch)) !== null;
}

/**
 * proveAddress, and with `newEmail` (an email change) the account moves to that address, always
 * a first proof of it. Returns the proof's stamp (the database's now()), null when it was no
 * first proof. A taken `newEmail` throws a unique violation.
 */
async function prove(tx: Database, userId: string, vouch: PasswordVouch | null, newEmail?: string) {
  const provenAt = await accountRepository.markProven(tx, userId, { newEmail, dropPassword: !vouch });
  if (!provenAt) return null;
  await endAllSessions(tx, userId, vouch?.sessionId);
  return provenAt;
}

/**
 * An email change proved `email` to be its new holder's: an account that signed up with it but
 * never proved it lets it go, with its password, sessions and unused links; nobody can sign in
 * to it any more.
 */
async function releaseUnprovenAddress(tx: Database, email: string): Promise<void> {
  for (const id of await accountRepository.releaseUnproven(tx, email)) {
    await endAllSessions(tx, id);
    await accountRepository.dropUnusedTokens(tx, id, schema.oneTimeTokenPurposes);
  }
}

const emailTaken = () => new DomainError('EMAIL_TAKEN', 'Another account now uses this email address.');

/**
 * Spends an email change: the account moves to `newEmail`, proven (see proveAddress), unless an
 * account that proved it holds it (409 EMAIL_TAKEN); one that never did lets it go. Links mailed
 * to the old address stop working. Returns when it moved (the database's now()).
 */
export async function moveAccount(
  tx: Database,
  userId: string,
  newEmail: string,
  vouch: PasswordVouch | null,
): Promise<Date> {
  if (await accountRepository.provenHolderOf(tx, newEmail)) throw emailTaken();
  await releaseUnprovenAddress(tx, newEmail);
  let movedAt: Date | null;
  try {
    movedAt = await prove(tx, userId, vouch, newEmail);
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  if (!movedAt) throw new Error('moveAccount: the account to move is gone');
  await accountRepository.dropUnusedTokens(tx, userId, ['verify_email', 'sign_in_link', 'password_reset']);
  return movedAt;
}
