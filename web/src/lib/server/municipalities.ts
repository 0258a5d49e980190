import type { Municipality, MunicipalityList } from '@board/shared';

export type ActiveMunicipalities = { ok: true; items: Municipality[] } | { ok: false };

/** An old phone waiting on a stuck API is worse than a page that says "try again". */
const TIMEOUT_MS = 5_000;

/**
 * The municipalities currently on the board, from `GET /api/municipalities?status=active`.
 * Never throws: any failure (network, status, shape) is logged and returned as `{ ok: false }`
 * so the page can say so politely.
 */
export async function fetchActiveMunicipalities(fetch: typeof globalThis.fetch): Promise<ActiveMunicipalities> {
  try {
    const response = await fetch('/api/municipalities?status=active', {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      console.error(`municipalities: API answered ${response.status}`);
      return { ok: false };
    }
    const body: unknown = await response.json();
    if (!isMunicipalityList(body)) {
      console.error('municipalities: unexpected response shape');
      return { ok: false };
    }
    // copy only the fields the page shows into the page data
    const items = body.items.map(({ code, nameJa, nameKana, nameEn, kind, status }) => ({
      code,
      nameJa,
      nameKana,
      nameEn,
      kind,
      status,
    }));
    return { ok: true, items };
  } catch (error) {
    console.error('municipalities: request failed:', error instanceof Error ? error.message : error);
    return { ok: false };
  }
}

function isMunicipalityList(value: unknown): value is MunicipalityList {
  if (typeof value !== 'object' || value === null) return false;
  const { items } = value as { items?: unknown };
  return Array.isArray(items) && items.every(isMunicipality);
}

function isMunicipality(value: unknown): value is Municipality {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return ['code', 'nameJa', 'nameKana', 'nameEn', 'kind', 'status'].every((k) => typeof m[k] === 'string');
}
