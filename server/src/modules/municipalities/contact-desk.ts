import type { Database } from '@board/db';
import { municipalityRepository } from './repository.ts';

/**
 * The municipality's contact desk as its staff typed it (plain text, line breaks kept), for the
 * foot of mails about its requests; null when none is set. Municipalities are public to read.
 */
export async function contactDeskOf(tx: Database, municipalityCode: string): Promise<string | null> {
  const municipality = await municipalityRepository(tx).find(municipalityCode);
  return municipality?.settings.contactDesk?.trim() || null;
}
