import { addressed } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';
import type { ChangeNoticeVars, SignInPageVars } from './account-mail-vars.ts';

/*
 * Warnings about someone else's attempts on a person's account. Calm wording: a wrong password is
 * often the owner's own typing; say what to do either way.
 */

/** Several wrong passwords for this account (sent at most once in some hours). */
export const passwordAttemptsMail = addressed(mailFromCatalogue<SignInPageVars>('passwordAttempts'));

/** Notice after a password change or reset, with the sign-in page. */
export const passwordChangedMail = addressed(mailFromCatalogue<ChangeNoticeVars & SignInPageVars>('passwordChanged'));
