import { z } from 'zod';
import { plainText } from './safe-input.ts';

/** API contract for the private message thread of a match. */

/** One plain-text message in a match's private thread. */
export const MessageBody = z.object({ body: plainText(1, 2000, 'MESSAGE_REQUIRED') });
export type MessageBody = z.infer<typeof MessageBody>;

export const ThreadMessage = z.object({
  id: z.string(),
  applicationId: z.string(),
  senderId: z.string().nullable(),
  senderName: z.string().nullable(),
  senderSide: z.enum(['volunteer', 'association']),
  /** null when staff hid it after a flag (show "hidden by staff") */
  body: z.string().nullable(),
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
