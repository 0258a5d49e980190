import type { MunicipalitySettingsView } from '@board/shared';
import type { ContactDesk } from '#lib/contact-desk.ts';
import { callApi, type ApiEvent } from './api.ts';

/** A footer is not worth a slow page: a desk that does not come in time is left out. */
const TIMEOUT_MS = 3_000;

/**
 * The contact desks of these municipalities (`GET /api/municipalities/:code/settings`, public),
 * for the footer of their pages; municipalities without a desk, or whose settings cannot be read,
 * are left out (the footer then gives its general words). Never throws.
 */
export async function contactDesks(event: ApiEvent, codes: string[]): Promise<ContactDesk[]> {
  const read = await Promise.all(
    [...new Set(codes)].map((code) =>
      callApi<MunicipalitySettingsView>(
        event,
        'GET',
        `/api/municipalities/${encodeURIComponent(code)}/settings`,
        undefined,
        {
          timeoutMs: TIMEOUT_MS,
        },
      ),
    ),
  );
  return read.flatMap((result) => {
    if (!result.ok || typeof result.data.contactDesk !== 'string' || result.data.contactDesk.trim() === '') return [];
    const { code, nameJa, nameKana, nameEn, contactDesk } = result.data;
    return [{ code, nameJa, nameKana, nameEn, contactDesk: contactDesk.trim() }];
  });
}
