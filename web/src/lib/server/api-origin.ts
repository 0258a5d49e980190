/** What of the incoming connection this needs: where the server that received it listens. */
export interface LocalSocket {
  localAddress?: string | undefined;
  localPort?: number | undefined;
  encrypted?: boolean | undefined;
}

export interface ApiOriginSources {
  env: Record<string, string | undefined>;
  /** the socket of the incoming page request, when the adapter exposes it (adapter-node: `platform.req.socket`) */
  socket?: LocalSocket | undefined;
}

/**
 * Where server-side `fetch('/api/…')` calls go. SvelteKit would otherwise answer same-origin
 * requests itself (and 404, since `/api` is not a SvelteKit route).
 *
 * 1. `API_ORIGIN` if set (e.g. `http://127.0.0.1:3000`);
 * 2. in production the pages are served by the API's own Fastify process, so the server that
 *    accepted this request *is* the API: call it back on the same local address and port;
 * 3. otherwise (`vite dev`) the separate API server on `API_PORT` (default 3001), like the dev proxy.
 */
export function apiOrigin({ env, socket }: ApiOriginSources): string {
  const configured = env.API_ORIGIN?.trim();
  if (configured) return new URL(configured).origin;

  if (socket?.localAddress && socket.localPort) {
    const protocol = socket.encrypted ? 'https' : 'http';
    return `${protocol}://${hostForUrl(socket.localAddress)}:${socket.localPort}`;
  }

  return `http://127.0.0.1:${env.API_PORT || 3001}`;
}

function hostForUrl(address: string): string {
  const mappedV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mappedV4?.[1]) return mappedV4[1];
  return address.includes(':') ? `[${address}]` : address;
}
