import { describe, it, expect } from 'vitest';
import { tokyoMunicipalities, demoActiveCodes } from '../src/seed/municipalities.ts';

const suffixByKind = {
  ward: '区',
  city: '市',
  town: '町',
  village: '村',
} as const;
const kanaSuffixByKind = {
  ward: 'く',
  city: 'し',
  town: 'まち',
  village: 'むら',
} as const;

describe('tokyoMunicipalities', () => {
  it('has exactly 62 entries', () => {
    expect(tokyoMunicipalities).toHaveLength(62);
  });

  it('has 23 wards, 26 cities, 5 towns and 8 villages', () => {
    const count = (kind: string) => tokyoMunicipalities.filter((m) => m.kind === kind).length;
    expect(count('ward')).toBe(23);
    expect(count('city')).toBe(26);
    expect(count('town')).toBe(5);
    expect(count('village')).toBe(8);
  });

  it('has unique 5-digit codes starting with 13, sorted ascending', () => {
    const codes = tokyoMunicipalities.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^13\d{3}$/);
    expect(codes).toEqual([...codes].sort());
  });

  it('has unique names', () => {
    expect(new Set(tokyoMunicipalities.map((m) => m.nameJa)).size).toBe(62);
    expect(new Set(tokyoMunicipalities.map((m) => m.nameEn)).size).toBe(62);
  });

  it('kind matches the suffix of nameJa', () => {
    for (const m of tokyoMunicipalities) {
      expect(m.nameJa.endsWith(suffixByKind[m.kind]), `${m.code} ${m.nameJa}`).toBe(true);
    }
  });

  it('kana is hiragana only and ends with the reading of the suffix', () => {
    for (const m of tokyoMunicipalities) {
      expect(m.nameKana, `${m.code} ${m.nameJa}`).toMatch(/^[ぁ-ゖー]+$/);
      expect(m.nameKana.endsWith(kanaSuffixByKind[m.kind]), `${m.code} ${m.nameKana}`).toBe(true);
    }
  });

  it('nameEn is non-empty ASCII', () => {
    for (const m of tokyoMunicipalities) {
      expect(m.nameEn, m.code).toMatch(/^[A-Za-z][A-Za-z ]*[a-z]$/);
    }
  });

  it('matches spot checks', () => {
    const byCode = new Map(tokyoMunicipalities.map((m) => [m.code, m]));
    expect(byCode.get('13121')).toEqual({
      code: '13121',
      nameJa: '足立区',
      nameKana: 'あだちく',
      nameEn: 'Adachi City',
      kind: 'ward',
    });
    expect(byCode.get('13229')?.nameJa).toBe('西東京市');
    expect(byCode.get('13421')?.nameJa).toBe('小笠原村');
    expect(byCode.get('13308')?.nameJa).toBe('奥多摩町');
    expect(byCode.has('13216')).toBe(false);
  });
});

describe('demoActiveCodes', () => {
  it('has 14 unique codes that all exist', () => {
    expect(demoActiveCodes).toHaveLength(14);
    expect(new Set(demoActiveCodes).size).toBe(14);
    const codes = new Set(tokyoMunicipalities.map((m) => m.code));
    for (const code of demoActiveCodes) expect(codes.has(code), code).toBe(true);
  });
});
