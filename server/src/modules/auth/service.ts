import type { Database } from '@board/db';
import { DomainError, type Language, type Session } from '@board/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { emailChangedMail, emailChangeMail, emailChangeTakenMail } from '../../mail/email-change-mails.ts';
import { formatWhen, maskEmail } from '../../mail/format.ts';
import { passwordChangedMail } from '../../mail/security-mails.ts';
import { passwordResetMail, signInLinkMail } from '../../mail/sign-in-mails.ts';
import { signUpAttemptedMail, verifyEmailMail } from '../../mail/sign-up-mails.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import type { MailTemplate } from '../../mail/compose.ts';
import { mailContextOf, sendMail, type MailRecipient } from '../../mail/send-mail.ts';
import { databaseDoor } from '../../database/door.ts';
import { auditStaffSignIn } from './staff-sign-in.ts';
import { loadMe } from '../accounts/load-me.ts';
import { moveAccount, proveAddress, type PasswordVouch } from './address-proof.ts';
import type { PasswordGuard } from '../accounts/password-throttle.ts';
import { accountRepository as accounts, type AccountRow, type TokenPurpose } from './repository.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from '../accounts/secrets.ts';
import { endAllSessions } from '../accounts/session-repository.ts';
import { clearSessionCookies, endSession, rotateSession, startSession } from '../accounts/sessions.ts';

const minute = 60_000;
const hour = 60 * minute;

/** How long each emailed link works. */
export const linkLifetimes = {
  verify_email: 24 * hour,
  change_email: 24 * hour,
  sign_in_link: 15 * minute,
  password_reset: hour,
} as const satisfies Record<TokenPurpose, number>;

/** The links a person asks for by address alone: the page each opens and its mail. */
const linksAsked = {
  sign_in_link: { what: 'sign-in link', page: webPages.signInLink, template: signInLinkMail },
  password_reset: { what: 'password reset link', page: webPages.resetPassword, template: passwordResetMail },
} satisfies Partial<Record<TokenPurpose, object>>;

export type SignInMethod = 'password' | 'link';

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The email address or password is not right.');
const tokenInvalid = () =>
  new DomainError('TOKEN_INVALID', 'This link is not valid any more (used, expired or unknown). Ask for a new one.');

/**
 * Accounts and sessions: sign-up, email verification, sign-in (password or emailed link),
 * refresh, sign-out, password reset and change, email change. Owns the transactions; routes
 * only parse, throttle and shape replies.
 *
 * Mail (and, for requests that must not reveal whether an account exists, the token work
 * behind it) runs after the answer is decided, off the request's timing: known and unknown
 * addresses then answer equally fast, and a failing mail server cannot turn a 202 into a 500
 * for existing accounts only. The notices of a change (password changed, address changed) are
 * queued in the change's own transaction instead: they announce it, so they go with it, or not
 * at all (mail/send-mail.ts).
 */
export function authService(app: FastifyInstance) {
  const config = app.config;
  const mailContext = mailContextOf(app);
  const signInUrl = publicLink(config, webPages.signIn);
  const pending = new Set<Promise<void>>();

  function inBackground(what: string, work: () => Promise<unknown>) {
    const job: Promise<void> = work()
      .then(() => undefined)
      .catch((err: unknown) => app.log.error({ err }, `auth: ${what} failed`))
      .finally(() => pending.delete(job));
    pending.add(job);
  }

  /** mail off the request's timing (see above); drain() waits for it */
  function mail<Vars>(template: MailTemplate<Vars>, to: MailRecipient, vars: Vars) {
    inBackground('mail', () => sendMail(mailContext, { template, to: [to], vars }));
  }

  const door = databaseDoor(app.db, app.log);

  /** as the person, before their roles matter (their own account, their own tokens) */
  const asUser = <T>(userId: string, work: (tx: Database) => Promise<T>) => door.asActor({ userId, roles: [] }, work);
  /**
   * Look-ups before anyone is known (an account by email, a token by its hash): users are private
   * to their holder and the token tables are system-only (migration 0010), so these are system
   * reads, each narrowed by its WHERE to the one row asked for.
   */
  const systemLookup = <T>(work: (tx: Database) => Promise<T>) =>
    door.asSystem('look up an account or a token before anyone is known', work);

  /** a new emailed link's token, working for its purpose's lifetime from the database's now() */
  async function issueToken(tx: Database, userId: string, purpose: TokenPurpose, email?: string): Promise<string> {
    const { token, hash } = newToken();
    await accounts.issueToken(tx, { userId, purpose, tokenHash: hash, email, lifetimeMs: linkLifetimes[purpose] });
    return token;
  }

  /**
   * Mails a one-time link for `purpose` to the account of a known address, off the request's
   * timing (its token too); for an unknown address nothing happens, and the answer is the same.
   */
  async function mailLinkToKnownAddress(email: string, purpose: keyof typeof linksAsked) {
    const link = linksAsked[purpose];
    const account = await systemLookup((tx) => accounts.findByEmail(tx, email));
    if (!account) return;
    inBackground(link.what, async () => {
      await door.asSystem(link.what, async (tx) => {
        const token = await issueToken(tx, account.id, purpose);
        const vars = { displayName: account.displayName, link: publicLink(config, link.page, { token }) };
        const to = [{ email, language: account.language }];
        await sendMail(mailContext, { template: link.template, to, vars }, tx);
      });
    });
  }

  /** Loads the person, records a staff sign-in, then starts the session (cookies are set last, once nothing can fail). */
  async function openSession(
    tx: Database,
    reply: FastifyReply,
    userId: string,
    method: SignInMethod | null,
  ): Promise<Session> {
    const me = await loadMe(tx, userId);
    if (method) await auditStaffSignIn(tx, userId, me.roles, method);
    const session = await startSession(app, config, reply, tx, userId);
    return { ...session, me };
  }

  /** the signed-in person's own account row, or 401 */
  async function ownAccount(userId: string): Promise<AccountRow & { email: string }> {
    const account = await asUser(userId, (tx) => accounts.findById(tx, userId));
    if (!account || account.email === null) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    return { ...account, email: account.email };
  }

  /**
   * A signed-in person confirms a change with their password. A wrong one is 403
   * PASSWORD_INCORRECT (not 401: they are signed in, and a client must not take it for an
   * ended session); the per-account guard still counts it.
   */
  async function checkPassword(account: AccountRow & { email: string }, password: string, guard: PasswordGuard) {
    await guard.before(account.email);
    if (!(await verifyPassword(account.passwordHash, password))) {
      await guard.failed(account.email, account);
      throw new DomainError('PASSWORD_INCORRECT', 'The password is not correct.');
    }
    await guard.succeeded(account.email);
  }

  /**
   * "Your password was changed", queued in the change's transaction `tx` (a committed change is
   * always told, a rolled-back one never); `changedAt` is the database's time of it (setPasswordHash).
   */
  function passwordChangedNotice(
    tx: Database,
    account: { email: string; displayName: string; language: Language },
    changedAt: Date,
  ) {
    const vars = { displayName: account.displayName, when: formatWhen(changedAt, account.language), signInUrl };
    const to = [{ email: account.email, language: account.language }];
    return sendMail(mailContext, { template: passwordChangedMail, to, vars }, tx);
  }

  /** "Your address was changed" to the old address, queued in the move's transaction `tx`. */
  function emailChangedNotice(
    tx: Database,
    from: { email: string; displayName: string; language: Language },
    newEmail: string,
    movedAt: Date,
  ) {
    const vars = {
      displayName: from.displayName,
      newEmail: maskEmail(newEmail),
      when: formatWhen(movedAt, from.language),
    };
    return sendMail(
      mailContext,
      { template: emailChangedMail, to: [{ email: from.email, language: from.language }], vars },
      tx,
    );
  }

  return {
    /** waits for mail still being sent (on shutdown, so nothing is cut off) */
    async drain() {
      await Promise.allSettled([...pending]);
    },

    /**
     * New address: an unverified account with the volunteer role and a verification mail.
     * Known address: a "someone tried to sign up" mail to its owner and no change. The password
     * is hashed either way so both take the same time.
     */
    async signUp(input: { email: string; password: string; displayName: string; language: Language }) {
      const passwordHash = await hashPassword(input.password);
      const outcome = await door.asSystem('sign up a new account', async (tx) => {
        const userId = await accounts.insertIfAbsent(tx, { ...input, passwordHash });
        if (userId) {
          await accounts.grantVolunteer(tx, userId);
          const token = await issueToken(tx, userId, 'verify_email');
          return { created: true as const, token };
        }
        // taken, possibly a moment ago by a double submit of this very form
        return { created: false as const, existing: await accounts.findByEmail(tx, input.email) };
      });
      if (outcome.created) {
        // the name is the sender's own words: kept out of mail to an address not yet proven theirs
        mail(
          verifyEmailMail,
          { email: input.email, language: input.language },
          { link: publicLink(config, webPages.verifyEmail, { token: outcome.token }) },
        );
      } else if (outcome.existing) {
        const existing = outcome.existing;
        mail(
          signUpAttemptedMail,
          { email: input.email, language: existing.language },
          {
            displayName: existing.displayName,
            signInUrl,
          },
        );
      }
    },

    /**
     * Spends a verify_email or change_email link: marks the address verified, or moves the account
     * to the new one (an unproven holder of it lets it go). Either proves the address, and the
     * password set before survives only if the prover typed it here or is signed in to the account
     * (see proveAddress). A wrong password is 403 PASSWORD_INCORRECT and spends nothing.
     */
    async verifyEmail(
      input: { token: string; password?: string | undefined },
      signedIn: { userId: string; sessionId: string | null } | null,
      guard: PasswordGuard,
    ): Promise<{ status: 'verified'; email: string; hasPassword: boolean }> {
      const tokenHash = hashToken(input.token);
      const owner = await systemLookup(async (tx) => {
        const userId = await accounts.findUsableToken(tx, tokenHash, ['verify_email', 'change_email']);
        return userId ? accounts.findById(tx, userId) : null;
      });
      if (!owner || owner.email === null) throw tokenInvalid();
      let vouch: PasswordVouch | null = null;
      if (signedIn?.userId === owner.id) vouch = { sessionId: signedIn.sessionId ?? undefined };
      else if (input.password) {
        await checkPassword({ ...owner, email: owner.email }, input.password, guard);
        vouch = {};
      }
      const outcome = await door.asSystem('email verification by token', async (tx) => {
        const spent = await accounts.consumeToken(tx, tokenHash, ['verify_email', 'change_email']);
        const account = spent && (await accounts.findById(tx, spent.userId));
        if (!account || account.email === null || account.id !== owner.id) throw tokenInvalid();
        const newEmail = spent.purpose === 'change_email' ? spent.email : account.email;
        if (!newEmail) throw tokenInvalid();
        // a move is always a first proof of the new address
        const movedAt = newEmail !== account.email ? await moveAccount(tx, account.id, newEmail, vouch) : null;
        // the old address hears of the move with it, in its transaction
        if (movedAt) await emailChangedNotice(tx, { ...account, email: account.email }, newEmail, movedAt);
        const first = movedAt !== null || (await proveAddress(tx, account.id, vouch));
        const hasPassword = account.passwordHash !== null && (vouch !== null || !first);
        return { email: newEmail, hasPassword };
      });
      return { status: 'verified', email: outcome.email, hasPassword: outcome.hasPassword };
    },

    /** Email and password. Unknown address and wrong password answer alike, after the same work. */
    async signIn(
      reply: FastifyReply,
      input: { email: string; password: string },
      guard: PasswordGuard,
    ): Promise<Session> {
      await guard.before(input.email);
      const account = await systemLookup((tx) => accounts.findByEmail(tx, input.email));
      const ok = await verifyPassword(account?.passwordHash, input.password);
      if (!account || !ok) {
        await guard.failed(input.email, account?.email ? { ...account, email: account.email } : null);
        throw invalidCredentials();
      }
      await guard.succeeded(input.email);
      return asUser(account.id, (tx) => openSession(tx, reply, account.id, 'password'));
    },

    /** Mails a sign-in link (15 minutes) to a known address; answers the same for an unknown one. */
    async requestSignInLink(email: string) {
      await mailLinkToKnownAddress(email, 'sign_in_link');
    },

    /** Spends a sign-in link: a session, and the address counts as verified (its owner opened the mail). */
    async signInWithLink(reply: FastifyReply, token: string): Promise<Session> {
      return door.asSystem('sign-in by emailed link', async (tx) => {
        const spent = await accounts.consumeToken(tx, hashToken(token), ['sign_in_link']);
        if (!spent) throw tokenInvalid();
        const account = await accounts.findById(tx, spent.userId);
        if (!account || account.email === null) throw tokenInvalid();
        await proveAddress(tx, account.id, null);
        return openSession(tx, reply, account.id, 'link');
      });
    },

    /** Rotates the refresh token (cookie or body) into a new session; a replayed token ends its whole family. */
    async refreshSession(reply: FastifyReply, presented: string | undefined): Promise<Session> {
      if (!presented) throw new DomainError('UNAUTHENTICATED', 'No session to refresh; sign in.');
      const rotated = await rotateSession(app, door, config, reply, presented);
      const me = await asUser(rotated.userId, (tx) => loadMe(tx, rotated.userId));
      return { accessToken: rotated.accessToken, expiresIn: rotated.expiresIn, me };
    },

    async signOut(reply: FastifyReply, presented: string | undefined) {
      await endSession(door, presented);
      clearSessionCookies(config, reply);
    },

    /** Mails a reset link (1 hour) to a known address; answers the same for an unknown one. */
    async requestPasswordReset(email: string) {
      await mailLinkToKnownAddress(email, 'password_reset');
    },

    /**
     * Spends a reset link: new password, every session ended, a notice mailed. The link is
     * checked before the (deliberately slow) hashing, and spent atomically after it.
     */
    async resetPassword(input: { token: string; password: string }): Promise<{ status: 'password_reset' }> {
      const tokenHash = hashToken(input.token);
      const usable = await systemLookup((tx) => accounts.findUsableToken(tx, tokenHash, ['password_reset']));
      if (!usable) throw tokenInvalid();
      const passwordHash = await hashPassword(input.password);
      await door.asSystem('password reset by token', async (tx) => {
        const spent = await accounts.consumeToken(tx, tokenHash, ['password_reset']);
        if (!spent) throw tokenInvalid();
        const found = await accounts.findById(tx, spent.userId);
        if (!found || found.email === null) throw tokenInvalid();
        // the reset link reached the owner of the address, so it is proven too (before the new password)
        await proveAddress(tx, found.id, null);
        const changedAt = await accounts.setPasswordHash(tx, found.id, passwordHash);
        await accounts.dropUnusedTokens(tx, found.id, ['password_reset', 'sign_in_link']);
        await endAllSessions(tx, found.id);
        await passwordChangedNotice(tx, { ...found, email: found.email }, changedAt);
      });
      return { status: 'password_reset' };
    },

    /** Signed in, with the current password: new password, every other session ended, this one renewed. */
    async changePassword(
      reply: FastifyReply,
      userId: string,
      input: { currentPassword: string; newPassword: string },
      guard: PasswordGuard,
    ): Promise<Session> {
      const account = await ownAccount(userId);
      await checkPassword(account, input.currentPassword, guard);
      const passwordHash = await hashPassword(input.newPassword);
      return asUser(userId, async (tx) => {
        const changedAt = await accounts.setPasswordHash(tx, userId, passwordHash);
        await accounts.dropUnusedTokens(tx, userId, ['password_reset']);
        await endAllSessions(tx, userId);
        await passwordChangedNotice(tx, account, changedAt);
        return openSession(tx, reply, userId, null);
      });
    },

    /**
     * Signed in, with the password: mails a change link (24 hours) to the new address. If that
     * address already has a verified account, its owner is told instead; the answer is the same.
     */
    async changeEmail(
      userId: string,
      input: { newEmail: string; password: string },
      guard: PasswordGuard,
      beforeMail: () => Promise<void>,
    ) {
      const account = await ownAccount(userId);
      await checkPassword(account, input.password, guard);
      if (input.newEmail === account.email) return;
      await beforeMail();
      const holder = await systemLookup((tx) => accounts.findByEmail(tx, input.newEmail));
      // one who signed up with the address but never proved it does not hold it against its owner
      if (holder?.emailVerifiedAt) {
        mail(
          emailChangeTakenMail,
          { email: input.newEmail, language: holder.language },
          {
            displayName: holder.displayName,
            signInUrl,
          },
        );
        return;
      }
      const token = await asUser(userId, (tx) => issueToken(tx, userId, 'change_email', input.newEmail));
      // the account's name stays out: the new address is not proven to be the same person's yet
      mail(
        emailChangeMail,
        { email: input.newEmail, language: account.language },
        { link: publicLink(config, webPages.verifyEmail, { token }) },
      );
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
