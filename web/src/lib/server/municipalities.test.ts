import type { Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchActiveMunicipalities } from './municipalities.ts';

const adachi = {
  code: '13121',
  nameJa: '足立区',
  nameKana: 'あだちく',
  nameEn: 'Adachi City',
  kind: 'ward',
  status: 'active',
};

/** The API server's answer, stood in at the network edge (SvelteKit's `event.fetch`). */
function fakeEvent(respond: () => Response | Promise<Response>) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => respond());
  return { fetch, cookies: { set: vi.fn(), delete: vi.fn() } as unknown as Cookies };
}

describe('fetchActiveMunicipalities', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the API for active municipalities and returns the items', async () => {
    const event = fakeEvent(() => Response.json({ items: [{ ...adachi, internalNote: 'x' }] }));
    const result = await fetchActiveMunicipalities(event);
    expect(event.fetch.mock.calls[0]?.[0]).toBe('/api/municipalities?status=active');
    expect(result).toEqual({ ok: true, items: [adachi] });
  });

  it.each([
    ['a 503', () => new Response('down', { status: 503 })],
    ['a body of the wrong shape', () => Response.json({ data: [] })],
    ['an item missing fields', () => Response.json({ items: [{ code: '13121' }] })],
    ['invalid JSON', () => new Response('<html>', { status: 200 })],
    [
      'a network error',
      () => {
        throw new TypeError('fetch failed');
      },
    ],
  ])('reports failure on %s, without throwing', async (_, respond) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetchActiveMunicipalities(fakeEvent(respond))).resolves.toEqual({ ok: false });
  });
});
