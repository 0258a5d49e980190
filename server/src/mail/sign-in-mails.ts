import { addressed } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';
import type { LinkVars } from './account-mail-vars.ts';

/** Sign-in without a password (link valid 15 minutes, once). */
export const signInLinkMail = addressed(mailFromCatalogue<LinkVars>('signInLink'));

/** Password reset (link valid 1 hour, once). */
export const passwordResetMail = addressed(mailFromCatalogue<LinkVars>('passwordReset'));
