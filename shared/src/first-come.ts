import { z } from 'zod';

/**
 * Two ways to say yes (issue 10). `officer_picks`: every hand waits for the association's answer
 * (the flow before issue 10). `first_come` (先着順): a verified volunteer who raises a hand is
 * matched at once while a slot is left; a hand that finds every slot taken is refused
 * (REQUEST_FILLED), never left waiting, since nobody would pick it. Staff may disallow first come
 * per category in their municipality (`firstComeDisallowed` of its settings): a request of such a
 * category is then `officer_picks` whatever it was saved with (the server's `handsModeNow`), and
 * saving one as first come is refused (FIRST_COME_NOT_ALLOWED on `handsMode`).
 */
export const handsModes = ['officer_picks', 'first_come'] as const;
export const HandsMode = z.enum(handsModes);
export type HandsMode = z.infer<typeof HandsMode>;
