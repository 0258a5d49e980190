import type { Database } from '@board/db';
import { schema } from '@board/db';
import type { Municipality, MunicipalityStatus } from '@board/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { municipalities, boardRequests: b, associations: a } = schema;

const settingsColumns = columns(
  municipalities,
  'code',
  'nameJa',
  'nameKana',
  'nameEn',
  'moderationRequired',
  'settings',
);

const listColumns = columns(municipalities, 'code', 'nameJa', 'nameKana', 'nameEn', 'kind', 'status');

export type SettingsRow = {
  code: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  moderationRequired: boolean;
  settings: schema.MunicipalitySettings;
};

export function municipalityRepository(db: Database) {
  return {
    async list(filter: { status?: MunicipalityStatus | undefined }): Promise<Municipality[]> {
      return db
        .select(listColumns)
        .from(municipalities)
        .where(filter.status ? eq(municipalities.status, filter.status) : undefined)
        .orderBy(asc(municipalities.code));
    },

    /** One municipality: its names, status and request settings. */
    async find(code: string) {
      const [row] = await db
        .select(
          columns(municipalities, 'code', 'nameJa', 'nameEn', 'nameKana', 'status', 'moderationRequired', 'settings'),
        )
        .from(municipalities)
        .where(eq(municipalities.code, code));
      return row ?? null;
    },

    async updateSettings(
      code: string,
      settings: schema.MunicipalitySettings,
      moderationRequired: boolean | undefined,
    ): Promise<SettingsRow> {
      const [row] = await db
        .update(municipalities)
        .set({
          settings,
          ...(moderationRequired !== undefined ? { moderationRequired } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(municipalities.code, code))
        .returning(settingsColumns);
      return row!;
    },

    /** Sets the status while it is one of `from` (one conditional UPDATE); null when it was not. */
    async changeStatus(
      code: string,
      from: readonly MunicipalityStatus[],
      to: MunicipalityStatus,
    ): Promise<Municipality | null> {
      const [row] = await db
        .update(municipalities)
        .set({ status: to, updatedAt: sql`now()` })
        .where(and(eq(municipalities.code, code), inArray(municipalities.status, [...from])))
        .returning(listColumns);
      return row ?? null;
    },

    /** the municipality's newest requests open for hands, for its feed */
    feedEntries(code: string, limit: number) {
      return (
        db
          .select({
            id: b.id,
            title: b.title,
            body: b.body,
            category: b.category,
            area: b.area,
            associationName: a.name,
            publishedAt: b.publishedAt,
            updatedAt: b.updatedAt,
          })
          .from(b)
          .innerJoin(a, eq(a.id, b.associationId))
          .where(and(eq(b.municipalityCode, code), schema.openOnBoard(b)))
          // the order of help_requests_board_municipality_idx
          .orderBy(sql`${b.publishedAt} desc nulls last`, sql`${b.id} desc nulls last`)
          .limit(limit)
      );
    },
  };
}
