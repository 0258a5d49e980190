import {
  Accepted,
  ChangeEmailBody,
  ChangePasswordBody,
  EmailOnlyBody,
  ResetPasswordBody,
  Session,
  SignInBody,
  SignUpBody,
  TokenBody,
} from '@board/shared';
import { z } from 'zod';
import { refreshCookie } from '../../plugins/app/authentication.ts';
import { passwordGuard } from '../accounts/password-throttle.ts';
import { accountRateLimits, perIp, rateLimits, type AccountLimiter } from './rate-limits.ts';
import { authService } from './service.ts';
import { defineRoutes, NoContent, route, type Endpoint } from '../../routes/define-routes.ts';

/** API clients without cookies may pass the refresh token in the body instead. */
const RefreshBody = z
  .object({ refreshToken: z.string().min(20).max(200).optional() })
  .nullish()
  .describe('Optional: browsers send the refresh cookie instead');
const VerifyEmailBody = TokenBody.extend({
  password: SignInBody.shape.password
    .optional()
    .describe(
      'The password chosen before, to keep it: a link alone drops a password set before the address was proven',
    ),
});
const Verified = z.object({
  status: z.literal('verified'),
  email: z.string(),
  hasPassword: z.boolean().describe('false: set one by the reset link (a password set before the proof was dropped)'),
});
const PasswordReset = z.object({ status: z.literal('password_reset') });

const accepted = { status: 'check_your_email' } as const;

/**
 * Accounts and sessions under /api/auth, and the signed-in person's password and email under
 * /api/me. Sign-in, reset and link requests are rate limited per address (route config) and per
 * account (in the handlers); every password check goes through the password throttle.
 */
export default defineRoutes('auth', (app) => {
  const service = authService(app);
  const limits = accountRateLimits(app.db);
  app.addHook('onClose', () => service.drain());

  /** Mails a link to an address: limited per address, and the same answer whether or not it has an account. */
  const linkRequest = (
    endpoint: Endpoint,
    summary: string,
    limiter: AccountLimiter,
    send: (email: string) => Promise<void>,
  ) =>
    route(endpoint, {
      config: perIp(rateLimits.emailLinkPerIp),
      summary,
      signIn: 'optional',
      input: { body: EmailOnlyBody },
      response: { 202: Accepted },
      errors: [403, 429],
      handler: async (_context, { body }, { reply }) => {
        await limits.take(reply, limiter, body.email);
        await send(body.email);
        return accepted;
      },
    });

  return {
    signUp: route('POST /api/auth/sign-up', {
      config: perIp(rateLimits.signUpPerIp),
      summary: 'Sign up as a volunteer; the answer is the same whether or not the email has an account',
      signIn: 'optional',
      input: { body: SignUpBody },
      response: { 202: Accepted },
      errors: [403, 429],
      handler: async (_context, { body }, { reply }) => {
        await limits.take(reply, 'signUps', body.email);
        await service.signUp(body);
        return accepted;
      },
    }),
    verifyEmail: route('POST /api/auth/verify-email', {
      summary: 'Confirm an email address with the token from a verification or email-change link',
      signIn: 'optional',
      input: { body: VerifyEmailBody },
      response: { 200: Verified },
      errors: [403, 409, 429],
      handler: async ({ actor }, { body }, { request, reply }) =>
        service.verifyEmail(
          body,
          actor && { userId: actor.userId, sessionId: request.sessionId },
          passwordGuard(app, request, reply),
        ),
    }),
    signIn: route('POST /api/auth/sign-in', {
      config: perIp(rateLimits.signInPerIp),
      summary: 'Sign in with email and password; sets the session cookies',
      signIn: 'optional',
      input: { body: SignInBody },
      response: { 200: Session },
      errors: [401, 403, 429],
      handler: async (_context, { body }, { request, reply }) =>
        service.signIn(reply, body, passwordGuard(app, request, reply)),
    }),
    requestSignInLink: linkRequest(
      'POST /api/auth/sign-in-link',
      'Mail a one-time sign-in link (15 minutes); the answer is the same for unknown addresses',
      'signInLinkRequests',
      (email) => service.requestSignInLink(email),
    ),
    signInWithLink: route('POST /api/auth/sign-in-link/consume', {
      summary: 'Sign in with the token from a sign-in link; sets the session cookies',
      signIn: 'optional',
      input: { body: TokenBody },
      response: { 200: Session },
      errors: [403],
      handler: async (_context, { body }, { reply }) => service.signInWithLink(reply, body.token),
    }),
    refreshSession: route('POST /api/auth/refresh', {
      summary: 'Trade the refresh token (cookie, or body for API clients) for a new session; the old one is spent',
      signIn: 'optional',
      input: { body: RefreshBody },
      response: { 200: Session },
      errors: [401, 403],
      handler: async (_context, { body }, { request, reply }) =>
        service.refreshSession(reply, request.cookies[refreshCookie] ?? body?.refreshToken),
    }),
    signOut: route('POST /api/auth/sign-out', {
      summary: 'End this session (its refresh tokens) and clear the cookies',
      signIn: 'optional',
      input: { body: RefreshBody },
      response: { 204: NoContent },
      errors: [403],
      handler: async (_context, { body }, { request, reply }) => {
        await service.signOut(reply, request.cookies[refreshCookie] ?? body?.refreshToken);
        return null;
      },
    }),
    requestPasswordReset: linkRequest(
      'POST /api/auth/password-reset',
      'Mail a password-reset link (1 hour); the answer is the same for unknown addresses',
      'resetRequests',
      (email) => service.requestPasswordReset(email),
    ),
    resetPassword: route('POST /api/auth/password-reset/confirm', {
      summary: 'Set a new password with the token from a reset link; ends every session',
      signIn: 'optional',
      input: { body: ResetPasswordBody },
      response: { 200: PasswordReset },
      errors: [403],
      handler: async (_context, { body }) => service.resetPassword(body),
    }),
    changePassword: route('POST /api/me/password', {
      summary: 'Change the password (current one required); ends other sessions and renews this one',
      description: 'A wrong current password is 403 PASSWORD_INCORRECT.',
      input: { body: ChangePasswordBody },
      response: { 200: Session },
      errors: [403, 429],
      handler: async ({ actor }, { body }, { request, reply }) =>
        service.changePassword(reply, actor.userId, body, passwordGuard(app, request, reply)),
    }),
    changeEmail: route('POST /api/me/email', {
      summary: 'Move the account to a new email address (password required); a link to the new address confirms it',
      description: 'A wrong password is 403 PASSWORD_INCORRECT.',
      input: { body: ChangeEmailBody },
      response: { 202: Accepted },
      errors: [403, 409, 429],
      handler: async ({ actor }, { body }, { request, reply }) => {
        await service.changeEmail(actor.userId, body, passwordGuard(app, request, reply), () =>
          limits.take(reply, 'emailChanges', actor.userId),
        );
        return accepted;
      },
    }),
  };
});
