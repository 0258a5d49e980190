import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Our page server (SvelteKit, in this process or a separate one) calls the API for its visitors.
 * It names the visitor's address in this header and signs it with a secret only it and the API
 * know (config.pageServerSecret); a copy a visitor sends is worthless without the signature.
 */
export const clientAddressHeader = 'x-board-client-address';
export const clientSignatureHeader = 'x-board-client-signature';

export function signClientAddress(secret: string, address: string): string {
  return createHmac('sha256', secret).update(address).digest('hex');
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is asking, for rate limits: the address our page server vouches for, else the peer
     * (or, behind TRUST_PROXY_HOPS configured proxies, the address they report).
     */
    readonly clientAddress: string;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export default fp(
  async (app: FastifyInstance, opts: { pageServerSecret: string }) => {
    const vouchedFor = (request: FastifyRequest): string | null => {
      const address = single(request.headers[clientAddressHeader]);
      const signature = single(request.headers[clientSignatureHeader]);
      if (!address || !signature || address.length > 64) return null;
      const expected = Buffer.from(signClientAddress(opts.pageServerSecret, address));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
    };
    app.decorateRequest('clientAddress', {
      getter(this: FastifyRequest) {
        return vouchedFor(this) ?? this.ip;
      },
    });
  },
  { name: 'client-address' },
);
