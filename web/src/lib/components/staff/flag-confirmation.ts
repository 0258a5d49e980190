/**
 * The flags page's answer to "hide" before it is confirmed (`ask`: show the question) or when
 * the question was cancelled (`cancelled`: the form again): which flag, and the note typed so far.
 */
export interface HideConfirmation {
  form: string;
  confirm: 'ask' | 'cancelled';
  note: string;
}

function confirmationOf(result: unknown, flagId: string): HideConfirmation | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Partial<HideConfirmation>;
  return r.form === `flag-${flagId}` && typeof r.confirm === 'string' && typeof r.note === 'string'
    ? (r as HideConfirmation)
    : null;
}

/** The question to show on this flag, if the page's action result asks it. */
export function hideQuestionOf(result: unknown, flagId: string): HideConfirmation | null {
  const found = confirmationOf(result, flagId);
  return found?.confirm === 'ask' ? found : null;
}

/** The note typed before the question was cancelled, to fill the form again. */
export function noteAfterCancel(result: unknown, flagId: string): string | undefined {
  const found = confirmationOf(result, flagId);
  return found?.confirm === 'cancelled' ? found.note : undefined;
}
