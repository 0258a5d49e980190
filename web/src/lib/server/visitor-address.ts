import { createHmac } from 'node:crypto';

/**
 * Headers that tell the API who the visitor is (server/src/plugins/app/client-address.ts): the
 * address and its HMAC under PAGE_SERVER_SECRET, which only this page server and the API know
 * (the API sets it when it mounts this build; with `pnpm dev` give both the same value). Without
 * the secret nothing is sent, and the API counts this server's own address.
 */
export function visitorAddressHeaders(
  env: Record<string, string | undefined>,
  address: string,
): Record<string, string> {
  const secret = env.PAGE_SERVER_SECRET;
  if (!secret || !address) return {};
  return {
    'x-board-client-address': address,
    'x-board-client-signature': createHmac('sha256', secret).update(address).digest('hex'),
  };
}
