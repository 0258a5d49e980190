import { areNeighbours, municipalityNeighbourPairs, neighboursOf } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { tokyoMunicipalities } from '../src/seed/municipalities.ts';

const seeded = new Map(tokyoMunicipalities.map((m) => [m.code, m.nameJa]));
const islands = ['13361', '13362', '13363', '13364', '13381', '13382', '13401', '13402', '13421'];

describe('Tokyo neighbouring municipalities (issue 10)', () => {
  it('names only seeded municipalities, never one with itself, each pair once', () => {
    const seen = new Set<string>();
    for (const [a, b] of municipalityNeighbourPairs) {
      expect(seeded.has(a), a).toBe(true);
      expect(seeded.has(b), b).toBe(true);
      expect(a).not.toBe(b);
      const key = [a, b].sort().join('-');
      expect(seen.has(key), `${seeded.get(a)} – ${seeded.get(b)} twice`).toBe(false);
      seen.add(key);
    }
  });

  it('is symmetric, and every mainland municipality has a neighbour while islands have none', () => {
    for (const { code } of tokyoMunicipalities) {
      for (const other of neighboursOf(code)) {
        expect(neighboursOf(other), `${seeded.get(other)} → ${seeded.get(code)}`).toContain(code);
        expect(areNeighbours(other, code)).toBe(true);
      }
      if (islands.includes(code)) expect(neighboursOf(code)).toEqual([]);
      else expect(neighboursOf(code).length, seeded.get(code)).toBeGreaterThan(0);
    }
  });

  it('knows the borders people quote', () => {
    expect(neighboursOf('13121').map((c) => seeded.get(c))).toEqual(['墨田区', '北区', '荒川区', '葛飾区']);
    expect(neighboursOf('13110').map((c) => seeded.get(c))).toEqual(['品川区', '大田区', '世田谷区', '渋谷区']);
    expect(areNeighbours('13103', '13110')).toBe(false); // 港区 and 目黒区 do not touch
    expect(areNeighbours('13112', '13219')).toBe(true); // 世田谷区 – 狛江市
    expect(neighboursOf('13305').map((c) => seeded.get(c))).toEqual(['青梅市', 'あきる野市']);
  });
});
