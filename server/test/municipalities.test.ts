import { Municipality, MunicipalityList } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { get, useApiApp } from './kit/index.ts';
import { answer } from './kit/http.ts';

const t = useApiApp();

describe('listMunicipalities', () => {
  it('lists all 62 municipalities by code', async () => {
    const res = await get(t, {}, '/api/municipalities');
    const { items } = answer(res, 200, MunicipalityList);
    expect(items).toHaveLength(62);
    expect(items.map((m) => m.code)).toEqual([...items.map((m) => m.code)].sort());
    expect(items.find((m) => m.code === '13121')).toEqual(
      Municipality.parse({
        code: '13121',
        nameJa: '足立区',
        nameKana: 'あだちく',
        nameEn: 'Adachi City',
        kind: 'ward',
        status: 'active',
      }),
    );
  });

  it('filters by status: the 14 active in the demo', async () => {
    const res = await get(t, {}, '/api/municipalities?status=active');
    const { items } = MunicipalityList.parse(res.json());
    expect(items).toHaveLength(14);
    expect(items.every((m) => m.status === 'active')).toBe(true);
  });
});
