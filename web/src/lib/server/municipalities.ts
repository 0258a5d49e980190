import type { Municipality } from '@board/shared';
import { callApi, type ApiEvent } from './api.ts';

export type ActiveMunicipalities = { ok: true; items: Municipality[] } | { ok: false };

/** An old phone waiting on a stuck API is worse than a page that says "try again". */
const TIMEOUT_MS = 5_000;

/**
 * The municipalities currently on the board, from `GET /api/municipalities?status=active`.
 * Never throws: any failure (network, status, shape) is logged and returned as `{ ok: false }`
 * so the page can say so politely.
 */
export async function fetchActiveMunicipalities(event: ApiEvent): Promise<ActiveMunicipalities> {
  const result = await callApi<unknown>(event, 'GET', '/api/municipalities?status=active', undefined, {
    timeoutMs: TIMEOUT_MS,
  });
  if (!result.ok) {
    console.error(`municipalities: API answered ${result.status} ${result.error.code}`);
    return { ok: false };
  }
  const items = shownFields(result.data);
  if (!items) {
    console.error('municipalities: unexpected response shape');
    return { ok: false };
  }
  return { ok: true, items };
}

/**
 * All 62 municipalities (any status) from `GET /api/municipalities`, reduced to what pages show.
 * An empty list when the API fails: pages then fall back to codes and say nothing breaks.
 */
export async function fetchAllMunicipalities(event: ApiEvent): Promise<Municipality[]> {
  const result = await callApi<unknown>(event, 'GET', '/api/municipalities');
  return (result.ok && shownFields(result.data)) || [];
}

/** Only the fields pages show go into the page data; undefined when the body is not a list of municipalities. */
function shownFields(body: unknown): Municipality[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { items } = body as { items?: unknown };
  if (!Array.isArray(items) || !items.every(isMunicipality)) return undefined;
  return items.map(({ code, nameJa, nameKana, nameEn, kind, status }) => ({
    code,
    nameJa,
    nameKana,
    nameEn,
    kind,
    status,
  }));
}

function isMunicipality(value: unknown): value is Municipality {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return ['code', 'nameJa', 'nameKana', 'nameEn', 'kind', 'status'].every((k) => typeof m[k] === 'string');
}
