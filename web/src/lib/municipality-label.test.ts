import { describe, expect, it } from 'vitest';
import { municipalityLabel, municipalityLabelByCode } from './municipality-label.ts';

const adachi = { code: '13121', nameJa: '足立区', nameKana: 'あだちく', nameEn: 'Adachi City' };

describe('municipalityLabel', () => {
  it('names a municipality in the reader’s language', () => {
    expect(municipalityLabel('ja', adachi)).toBe('足立区');
    expect(municipalityLabel('en', adachi)).toBe('Adachi City (足立区)');
    expect(municipalityLabel('ja-easy', adachi)).toBe('足立区（あだちく）');
  });

  it('looks a code up, falling back to the given name or the code', () => {
    expect(municipalityLabelByCode('en', [adachi], '13121')).toBe('Adachi City (足立区)');
    expect(municipalityLabelByCode('en', [], '13121', '足立区')).toBe('足立区');
    expect(municipalityLabelByCode('en', [], '13121')).toBe('13121');
    expect(municipalityLabelByCode('ja', [adachi], null)).toBe('');
  });
});
