import { addressed } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';
import type { AddressCheckVars, ChangeNoticeVars, SignInPageVars } from './account-mail-vars.ts';

/** Confirms a new sign-in address (sent to the new address; link valid 24 hours; no name: not proven yet). */
export const emailChangeMail = mailFromCatalogue<AddressCheckVars>('emailChange');

/** Someone asked to move another account onto this address, which already has an account: nothing changed. */
export const emailChangeTakenMail = addressed(mailFromCatalogue<SignInPageVars>('emailChangeTaken'));

interface EmailChangedVars extends ChangeNoticeVars {
  /** the new address, partly hidden */
  newEmail: string;
}

/** Notice to the old address once the sign-in address has moved. */
export const emailChangedMail = addressed(mailFromCatalogue<EmailChangedVars>('emailChanged'));
