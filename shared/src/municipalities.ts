import { z } from 'zod';
import { multiLineText } from './safe-input.ts';

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

/**
 * How foundation staff bring a municipality to life or rest it (`updateMunicipalityStatus`):
 * activate an onboarding one, pause an active one, resume a paused one. Paused: its requests leave
 * the board and its officers cannot post or submit; matches already made go on (messages, done,
 * thanks). Each change needs a reason and is audit-logged.
 */
export const municipalityStatusChanges = {
  activate: { from: ['onboarding'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
} as const satisfies Record<string, { from: readonly MunicipalityStatus[]; to: MunicipalityStatus }>;
export type MunicipalityStatusChange = keyof typeof municipalityStatusChanges;
export const municipalityStatusChangeNames = Object.keys(municipalityStatusChanges) as MunicipalityStatusChange[];
export const MunicipalityStatusChangeName = z.enum(
  municipalityStatusChangeNames as [MunicipalityStatusChange, ...MunicipalityStatusChange[]],
);

/** The change this municipality's status allows (at most one: each status has one way on). */
export function statusChangeFrom(status: MunicipalityStatus): MunicipalityStatusChange | null {
  return (
    municipalityStatusChangeNames.find((change) =>
      (municipalityStatusChanges[change].from as readonly MunicipalityStatus[]).includes(status),
    ) ?? null
  );
}

export const UpdateMunicipalityStatusBody = z.object({
  change: MunicipalityStatusChangeName,
  reason: multiLineText({ max: 500, required: 'REASON_REQUIRED' }),
});
export type UpdateMunicipalityStatusBody = z.infer<typeof UpdateMunicipalityStatusBody>;
