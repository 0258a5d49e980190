import type { Municipality } from '@board/shared';

/**
 * A picker's municipalities: those taking part in the board (status `active`) first, then the
 * rest of Tokyo's 62 under "not yet taking part", each part in the order given (by code: the
 * wards, then the cities, towns and villages). Every municipality picker orders them so
 * (MunicipalityOptions.svelte for a <select>).
 */
export function participatingFirst<M extends Pick<Municipality, 'status'>>(
  municipalities: readonly M[],
): { participating: M[]; notYet: M[] } {
  return {
    participating: municipalities.filter((m) => m.status === 'active'),
    notYet: municipalities.filter((m) => m.status !== 'active'),
  };
}
