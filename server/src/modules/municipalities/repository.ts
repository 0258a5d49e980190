import type { Database } from '@board/db';
import { schema } from '@board/db';
import type { Municipality, MunicipalityStatus } from '@board/shared';
import { asc, eq } from 'drizzle-orm';

const { municipalities } = schema;

export function municipalityRepository(db: Database) {
  return {
    async list(filter: { status?: MunicipalityStatus | undefined }): Promise<Municipality[]> {
      return db
        .select({
          code: municipalities.code,
          nameJa: municipalities.nameJa,
          nameKana: municipalities.nameKana,
          nameEn: municipalities.nameEn,
          kind: municipalities.kind,
          status: municipalities.status,
        })
        .from(municipalities)
        .where(filter.status ? eq(municipalities.status, filter.status) : undefined)
        .orderBy(asc(municipalities.code));
    },
  };
}
