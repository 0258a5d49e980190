import { z } from 'zod';
import { Language } from './roles.ts';

/**
 * The printed pages (issue 13: a request's flyer, a ward's sheet for the 回覧板, the volunteer
 * poster) in the reader's language: `ja` unless said.
 */
export const PrintQuery = z.object({
  lang: Language.optional()
    .transform((v) => v ?? 'ja')
    .describe('The language of the printed page: ja (default), ja-easy (with readings over kanji) or en.'),
});
export type PrintQuery = z.infer<typeof PrintQuery>;
