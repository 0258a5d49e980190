import { z } from 'zod';

/** 区 / 市 / 町 / 村 */
export const municipalityKinds = ['ward', 'city', 'town', 'village'] as const;
export const MunicipalityKind = z.enum(municipalityKinds);
export type MunicipalityKind = z.infer<typeof MunicipalityKind>;

export const municipalityStatuses = ['active', 'onboarding', 'paused'] as const;
export const MunicipalityStatus = z.enum(municipalityStatuses);
export type MunicipalityStatus = z.infer<typeof MunicipalityStatus>;

/** Official 5-digit local-government code (全国地方公共団体コード without the check digit), e.g. 13121 足立区. */
export const MunicipalityCode = z.string().regex(/^13\d{3}$/, { error: 'MUNICIPALITY_CODE_INVALID' });

export const Municipality = z.object({
  code: MunicipalityCode,
  nameJa: z.string(),
  nameKana: z.string(),
  nameEn: z.string(),
  kind: MunicipalityKind,
  status: MunicipalityStatus,
});
export type Municipality = z.infer<typeof Municipality>;

export const MunicipalityList = z.object({ items: z.array(Municipality) });
export type MunicipalityList = z.infer<typeof MunicipalityList>;

export const ListMunicipalitiesQuery = z.object({
  status: MunicipalityStatus.optional(),
});
