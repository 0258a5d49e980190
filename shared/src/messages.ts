import { z } from 'zod';
import { RubyText } from './ruby.ts';
import { plainText } from './safe-input.ts';

/** API contract for the private message thread of a match. */

/** One plain-text message in a match's private thread. */
export const MessageBody = z.object({ body: plainText(1, 2000, 'MESSAGE_REQUIRED') });
export type MessageBody = z.infer<typeof MessageBody>;

/**
 * What an item of the thread is: a message sent in it, or one of the two notes the thread opens
 * with, read from the application itself: the volunteer's message when raising a hand
 * (`application`) and the officer's note when accepting (`acceptance`; only if they wrote one).
 */
export const threadItemKinds = ['application', 'acceptance', 'message'] as const;

export const ThreadMessage = z.object({
  id: z.string(),
  kind: z.enum(threadItemKinds),
  applicationId: z.string(),
  senderId: z.string().nullable(),
  senderName: z.string().nullable(),
  senderSide: z.enum(['volunteer', 'association']),
  /** null when staff hid it after a flag (show "hidden by staff") */
  body: z.string().nullable(),
  /** readings over the body's kanji (furigana, issue 13); null: none made, or hidden */
  bodyRuby: RubyText.nullable(),
  hidden: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const MessageList = z.object({
  items: z.array(ThreadMessage),
  /** false once the match ended (withdrawn): the thread stays readable */
  canSend: z.boolean(),
});
export type MessageList = z.infer<typeof MessageList>;
