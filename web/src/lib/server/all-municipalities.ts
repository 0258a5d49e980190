import type { Municipality } from '@board/shared';
import { callApi, type ApiEvent } from './api.ts';

/**
 * All 62 municipalities (any status) from `GET /api/municipalities`, reduced to what pages show.
 * An empty list when the API fails: pages then fall back to codes and say nothing breaks.
 */
export async function fetchAllMunicipalities(event: ApiEvent): Promise<Municipality[]> {
  const result = await callApi<{ items: Municipality[] }>(event, 'GET', '/api/municipalities');
  if (!result.ok || !Array.isArray(result.data?.items)) return [];
  return result.data.items.map(({ code, nameJa, nameKana, nameEn, kind, status }) => ({
    code,
    nameJa,
    nameKana,
    nameEn,
    kind,
    status,
  }));
}
