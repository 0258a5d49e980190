/** Variables of the mails about a person's own account (sign-up, sign-in, address and password changes). */

/** A mail with a one-time link for the person the account names. */
export interface LinkVars {
  displayName: string;
  link: string;
}

/** A mail that points the account's owner to the sign-in page. */
export interface SignInPageVars {
  displayName: string;
  /** the board's sign-in page (from there: password reset, or sign-in by emailed link) */
  signInUrl: string;
}

/** A link that proves an address; no name in it (the address is not proven to be the account's yet). */
export interface AddressCheckVars {
  link: string;
}

/** A notice that something about the account changed, and when. */
export interface ChangeNoticeVars {
  displayName: string;
  /** when, already formatted for the reader's language */
  when: string;
}
