/** 127.0.0.0/8 and ::1 (also IPv4-mapped): an address only this machine can use. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The HTTP methods that change something (RFC 9110's unsafe ones the API takes). */
export const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
