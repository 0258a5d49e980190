import { addressed } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';
import type { AddressCheckVars, SignInPageVars } from './account-mail-vars.ts';

/**
 * After sign-up: confirm the address (link valid 24 hours). No name in it: whoever signed up
 * chose the name, and the address is not proven to be theirs yet.
 */
export const verifyEmailMail = mailFromCatalogue<AddressCheckVars>('verifyEmail');

/** Sign-up was tried with an address that already has an account: nothing was changed. */
export const signUpAttemptedMail = addressed(mailFromCatalogue<SignInPageVars>('signUpAttempted'));
