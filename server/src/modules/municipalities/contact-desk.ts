import { schema, type Database } from '@board/db';
import { eq } from 'drizzle-orm';

/**
 * The municipality's contact desk as its staff typed it (plain text, line breaks kept), for the
 * foot of mails about its requests; null when none is set. Municipalities are public to read.
 */
export async function contactDeskOf(tx: Database, municipalityCode: string): Promise<string | null> {
  const [row] = await tx
    .select({ settings: schema.municipalities.settings })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.code, municipalityCode));
  return row?.settings.contactDesk?.trim() || null;
}
