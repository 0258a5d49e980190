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
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refreshCookie } from '../../plugins/app/authentication.ts';
import { passwordGuard } from '../accounts/password-throttle.ts';
import { accountRateLimits, perIp, rateLimits } from './rate-limits.ts';
import { authService } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';

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
const NoContent = z.null().describe('No content');

const accepted = { status: 'check_your_email' } as const;

/**
 * Accounts and sessions under /api/auth, and the signed-in person's password and email under
 * /api/me. Sign-in, reset and link requests are rate limited per address (route config) and per
 * account (in the handlers); every password check goes through the password throttle.
 */
export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = authService(app);
  const limits = accountRateLimits(app.db);
  app.addHook('onClose', () => service.drain());

  r.post(
    '/api/auth/sign-up',
    {
      config: perIp(rateLimits.signUpPerIp),
      schema: {
        operationId: 'signUp',
        tags: ['auth'],
        summary: 'Sign up as a volunteer; the answer is the same whether or not the email has an account',
        body: SignUpBody,
        response: { 202: Accepted, ...errorResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await limits.take(reply, 'signUps', request.body.email);
      await service.signUp(request.body);
      return reply.code(202).send(accepted);
    },
  );

  r.post(
    '/api/auth/verify-email',
    {
      schema: {
        operationId: 'verifyEmail',
        tags: ['auth'],
        summary: 'Confirm an email address with the token from a verification or email-change link',
        body: VerifyEmailBody,
        response: { 200: Verified, ...errorResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) =>
      service.verifyEmail(
        request.body,
        request.actor && { userId: request.actor.userId, sessionId: request.sessionId },
        passwordGuard(app, request, reply),
      ),
  );

  r.post(
    '/api/auth/sign-in',
    {
      config: perIp(rateLimits.signInPerIp),
      schema: {
        operationId: 'signIn',
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookies',
        body: SignInBody,
        response: { 200: Session, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => service.signIn(reply, request.body, passwordGuard(app, request, reply)),
  );

  r.post(
    '/api/auth/sign-in-link',
    {
      config: perIp(rateLimits.emailLinkPerIp),
      schema: {
        operationId: 'requestSignInLink',
        tags: ['auth'],
        summary: 'Mail a one-time sign-in link (15 minutes); the answer is the same for unknown addresses',
        body: EmailOnlyBody,
        response: { 202: Accepted, ...errorResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await limits.take(reply, 'signInLinkRequests', request.body.email);
      await service.requestSignInLink(request.body.email);
      return reply.code(202).send(accepted);
    },
  );

  r.post(
    '/api/auth/sign-in-link/consume',
    {
      schema: {
        operationId: 'signInWithLink',
        tags: ['auth'],
        summary: 'Sign in with the token from a sign-in link; sets the session cookies',
        body: TokenBody,
        response: { 200: Session, ...errorResponses(400, 403) },
      },
    },
    async (request, reply) => service.signInWithLink(reply, request.body.token),
  );

  r.post(
    '/api/auth/refresh',
    {
      schema: {
        operationId: 'refreshSession',
        tags: ['auth'],
        summary: 'Trade the refresh token (cookie, or body for API clients) for a new session; the old one is spent',
        body: RefreshBody,
        response: { 200: Session, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      service.refreshSession(reply, request.cookies[refreshCookie] ?? request.body?.refreshToken),
  );

  r.post(
    '/api/auth/sign-out',
    {
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'End this session (its refresh tokens) and clear the cookies',
        body: RefreshBody,
        response: { 204: NoContent, ...errorResponses(400, 403) },
      },
    },
    async (request, reply) => {
      await service.signOut(reply, request.cookies[refreshCookie] ?? request.body?.refreshToken);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset',
    {
      config: perIp(rateLimits.emailLinkPerIp),
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['auth'],
        summary: 'Mail a password-reset link (1 hour); the answer is the same for unknown addresses',
        body: EmailOnlyBody,
        response: { 202: Accepted, ...errorResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await limits.take(reply, 'resetRequests', request.body.email);
      await service.requestPasswordReset(request.body.email);
      return reply.code(202).send(accepted);
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        operationId: 'resetPassword',
        tags: ['auth'],
        summary: 'Set a new password with the token from a reset link; ends every session',
        body: ResetPasswordBody,
        response: { 200: PasswordReset, ...errorResponses(400, 403) },
      },
    },
    async (request) => service.resetPassword(request.body),
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change the password (current one required); ends other sessions and renews this one',
        description: 'A wrong current password is 403 PASSWORD_INCORRECT.',
        body: ChangePasswordBody,
        response: { 200: Session, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      return service.changePassword(reply, actor.userId, request.body, passwordGuard(app, request, reply));
    },
  );

  r.post(
    '/api/me/email',
    {
      schema: {
        operationId: 'changeEmail',
        tags: ['auth'],
        summary: 'Move the account to a new email address (password required); a link to the new address confirms it',
        description: 'A wrong password is 403 PASSWORD_INCORRECT.',
        body: ChangeEmailBody,
        response: { 202: Accepted, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      await service.changeEmail(actor.userId, request.body, passwordGuard(app, request, reply), () =>
        limits.take(reply, 'emailChanges', actor.userId),
      );
      return reply.code(202).send(accepted);
    },
  );
}
