import { MunicipalityCode } from '@board/shared';
import { defineParams } from '@sveltejs/kit/params';
import { isUuid } from '#lib/uuid.ts';

/**
 * What a path may name (`[id=uuid]`, `[code=municipality]`): a request, a match, a story or a
 * person by its uuid, a municipality by its code (13xxx). Anything else is no such page (404)
 * before a load runs, so no load checks its id, and the API never sees one it would refuse.
 */
export const params = defineParams({
  uuid: (param: string) => (isUuid(param) ? param : undefined),
  municipality: MunicipalityCode,
});
