import { describe, expect, it } from 'vitest';
import { apiOrigin } from './api-origin.ts';

describe('apiOrigin', () => {
  it('prefers API_ORIGIN, reduced to its origin', () => {
    expect(apiOrigin({ env: { API_ORIGIN: 'http://api.internal:8080/some/path' } })).toBe('http://api.internal:8080');
    expect(
      apiOrigin({
        env: { API_ORIGIN: 'http://10.0.0.2:3000' },
        socket: { localAddress: '127.0.0.1', localPort: 3000 },
      }),
    ).toBe('http://10.0.0.2:3000');
  });

  it('calls back the server that accepted the request (one-process production)', () => {
    expect(apiOrigin({ env: {}, socket: { localAddress: '127.0.0.1', localPort: 3000 } })).toBe(
      'http://127.0.0.1:3000',
    );
    expect(apiOrigin({ env: {}, socket: { localAddress: '::ffff:10.1.2.3', localPort: 80 } })).toBe(
      'http://10.1.2.3:80',
    );
    expect(apiOrigin({ env: {}, socket: { localAddress: '::1', localPort: 3000 } })).toBe('http://[::1]:3000');
    expect(apiOrigin({ env: {}, socket: { localAddress: '127.0.0.1', localPort: 443, encrypted: true } })).toBe(
      'https://127.0.0.1:443',
    );
  });

  it('falls back to API_PORT, then 3001 (vite dev, no platform socket)', () => {
    expect(apiOrigin({ env: { API_PORT: '4010' } })).toBe('http://127.0.0.1:4010');
    expect(apiOrigin({ env: {} })).toBe('http://127.0.0.1:3001');
    expect(apiOrigin({ env: { API_ORIGIN: '  ' }, socket: {} })).toBe('http://127.0.0.1:3001');
  });
});
