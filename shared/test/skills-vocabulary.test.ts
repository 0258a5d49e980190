import { describe, expect, it } from 'vitest';
import { categoryKeys } from '../src/categories.ts';
import {
  availabilitySlotLabel,
  availabilitySlotOf,
  availabilitySlots,
  mapSkillTag,
  mapSkillTags,
  skillKeys,
  skills,
  skillTagForm,
} from '../src/skills/index.ts';

describe('the skills vocabulary', () => {
  it('has 50-80 skills, every category used, unique keys and labels in three languages', () => {
    expect(skills.length).toBeGreaterThanOrEqual(50);
    expect(skills.length).toBeLessThanOrEqual(80);
    expect(new Set(skillKeys).size).toBe(skills.length);
    expect(new Set(skills.map((s) => s.category))).toEqual(new Set(categoryKeys));
    for (const skill of skills) {
      expect(skill.key).toMatch(/^[a-z][a-z_]*$/);
      for (const label of Object.values(skill.label)) expect(label.trim().length).toBeGreaterThan(0);
    }
  });

  it('gives each spelling (key, labels, synonyms) to one skill only, after folding', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const skill of skills) {
      const forms = new Set([skill.key, ...Object.values(skill.label), ...skill.synonyms].map(skillTagForm));
      for (const form of forms) {
        const before = owner.get(form);
        if (before && before !== skill.key) clashes.push(`${form}: ${before} / ${skill.key}`);
        owner.set(form, skill.key);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('mapSkillTag', () => {
  it.each([
    ['Canva', 'flyer_design'],
    ['ｃａｎｖａ', 'flyer_design'],
    ['チラシづくり', 'flyer_design'],
    ['Excel', 'spreadsheets'],
    ['ｴｸｾﾙ', 'spreadsheets'],
    ['えくせる', 'spreadsheets'],
    ['ＥＸＣＥＬ', 'spreadsheets'],
    ['表計算', 'spreadsheets'],
    ['写真撮影', 'photography'],
    ['しゃしん', 'photography'],
    ['LINE', 'line_official'],
    ['ＬＩＮＥ公式アカウント', 'line_official'],
    ['wi-fi', 'wifi_setup'],
    ['Wi Fi', 'wifi_setup'],
    ['  English ', 'translation_english'],
    ['Smartphone help', 'smartphone_help'],
    ['スマホの つかいかたを てつだう', 'smartphone_help'],
    ['flyer_design', 'flyer_design'],
  ])('maps "%s" to %s', (tag, skill) => {
    expect(mapSkillTag(tag)).toEqual({ skill });
  });

  it('keeps a tag that matches nothing as a free tag, trimmed', () => {
    expect(mapSkillTag(' 盆踊りの太鼓指導 ')).toEqual({ free: '盆踊りの太鼓指導' });
    expect(mapSkillTag('チラシのデザインの相談')).toEqual({ free: 'チラシのデザインの相談' });
  });

  it('splits a list into unique skills and unique free tags', () => {
    expect(mapSkillTags(['Canva', 'チラシ', '写真', '盆踊り', 'ぼんおどり', '盆踊り'])).toEqual({
      skillKeys: ['flyer_design', 'photography'],
      free: ['盆踊り', 'ぼんおどり'],
    });
  });
});

describe('availability slots', () => {
  it('are 21, weekday × part of the day', () => {
    expect(availabilitySlots).toHaveLength(21);
    expect(availabilitySlots[0]).toBe('mon-morning');
    expect(availabilitySlots[20]).toBe('sun-evening');
  });

  it('read in three languages', () => {
    expect(availabilitySlotLabel('sat-morning', 'ja')).toBe('土曜の午前');
    expect(availabilitySlotLabel('sat-morning', 'en')).toBe('Saturday morning');
    expect(availabilitySlotLabel('sat-morning', 'ja-easy')).toBe('どようびの あさ');
  });

  it('place a moment in Tokyo time', () => {
    // 2026-12-05 is a Saturday; 01:00 UTC is 10:00 in Tokyo
    expect(availabilitySlotOf('2026-12-05T01:00:00Z')).toBe('sat-morning');
    expect(availabilitySlotOf('2026-12-05T05:00:00Z')).toBe('sat-afternoon');
    expect(availabilitySlotOf('2026-12-05T10:00:00Z')).toBe('sat-evening');
    // 16:00 UTC Saturday is 01:00 on Sunday in Tokyo
    expect(availabilitySlotOf('2026-12-05T16:00:00Z')).toBe('sun-morning');
  });
});
