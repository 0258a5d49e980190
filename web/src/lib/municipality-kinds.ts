import type { Municipality, MunicipalityKind } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

/** The heading of each kind's group (区, 市, 町, 村). */
export const kindLegend: Record<MunicipalityKind, MessageKey> = {
  ward: 'account.volunteer.kind.ward',
  city: 'account.volunteer.kind.city',
  town: 'account.volunteer.kind.town',
  village: 'account.volunteer.kind.village',
};

const kindOrder: MunicipalityKind[] = ['ward', 'city', 'town', 'village'];

/** Municipalities grouped by kind (wards first), leaving out empty groups. */
export function groupByKind(municipalities: readonly Municipality[]) {
  return kindOrder
    .map((kind) => ({ kind, items: municipalities.filter((m) => m.kind === kind) }))
    .filter((group) => group.items.length > 0);
}
