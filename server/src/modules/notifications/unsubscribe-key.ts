import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationKind, type NotificationKind as Kind } from '@board/shared';
import type { AppConfig } from '../../config.ts';

/**
 * The key of a one-click unsubscribe link: base64url of `userId.kind.signature`, signed with an
 * HMAC under the server's secret, so the link needs no sign-in and stops only its own kind.
 */
function signature(config: Pick<AppConfig, 'jwtSecret'>, userId: string, kind: Kind): string {
  return createHmac('sha256', `unsubscribe:${config.jwtSecret}`).update(`${userId}.${kind}`).digest('base64url');
}

export function unsubscribeKey(config: Pick<AppConfig, 'jwtSecret'>, userId: string, kind: Kind): string {
  return Buffer.from(`${userId}.${kind}.${signature(config, userId, kind)}`).toString('base64url');
}

/** The person and kind a key stands for, or null when it is not one this server signed. */
export function readUnsubscribeKey(
  config: Pick<AppConfig, 'jwtSecret'>,
  key: string,
): { userId: string; kind: Kind } | null {
  const [userId, kind, given] = Buffer.from(key, 'base64url').toString('utf8').split('.');
  const parsedKind = NotificationKind.safeParse(kind);
  if (!userId || !given || !parsedKind.success) return null;
  const expected = Buffer.from(signature(config, userId, parsedKind.data));
  const offered = Buffer.from(given);
  if (expected.length !== offered.length || !timingSafeEqual(expected, offered)) return null;
  return { userId, kind: parsedKind.data };
}
