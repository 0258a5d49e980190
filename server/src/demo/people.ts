import type { DemoAccount, DemoAssociation } from '@board/db/seed/demo-data';
import type { DemoProfile } from '@board/db/seed/demo-profiles';
import type { SkillKey } from '@board/shared';

/**
 * The demo history's extra people: one association with one officer, and one municipal staff
 * member, in each active demo ward that the base demo (db/src/seed/demo-data.ts) leaves empty,
 * and ten more volunteers. Same password as every demo account.
 */
interface Ward {
  code: string;
  /** the staff account: staff.<key>@demo.example */
  key: string;
  wardName: string;
  association: string;
  area: string;
  /** the officer account: officer.<officerKey>@demo.example */
  officerKey: string;
  officerName: string;
}

export const demoWards: Ward[] = [
  ward('13101', 'chiyoda', '千代田区', '神田三崎町町会', '神田三崎町二丁目', 'kanda', '森'),
  ward('13102', 'chuo', '中央区', '月島三丁目町会', '月島三丁目', 'tsukishima', '池田'),
  ward('13105', 'bunkyo', '文京区', '本駒込二丁目町会', '本駒込二丁目', 'honkomagome', '橋本'),
  ward('13109', 'shinagawa', '品川区', '大井一丁目町会', '大井一丁目', 'oi', '山田'),
  ward('13112', 'setagaya', '世田谷区', '三軒茶屋二丁目町会', '三軒茶屋二丁目', 'sangenjaya', '石井'),
  ward('13113', 'shibuya', '渋谷区', '笹塚一丁目町会', '笹塚一丁目', 'sasazuka', '松本'),
  ward('13115', 'suginami', '杉並区', '阿佐谷北三丁目町会', '阿佐谷北三丁目', 'asagaya', '井上'),
  ward('13119', 'itabashi', '板橋区', '常盤台二丁目町会', '常盤台二丁目', 'tokiwadai', '木村'),
  ward('13123', 'edogawa', '江戸川区', '南小岩五丁目自治会', '南小岩五丁目', 'koiwa', '林'),
  ward('13201', 'hachioji', '八王子市', '明神町三丁目自治会', '明神町三丁目', 'myojin', '清水'),
  ward('13208', 'chofu', '調布市', '国領町四丁目自治会', '国領町四丁目', 'kokuryo', '山崎'),
  ward('13229', 'nishitokyo', '西東京市', '田無町五丁目自治会', '田無町五丁目', 'tanashi', '阿部'),
];

function ward(
  code: string,
  key: string,
  wardName: string,
  association: string,
  area: string,
  officerKey: string,
  officerName: string,
): Ward {
  return { code, key, wardName, association, area, officerKey, officerName };
}

export const historyAssociations: DemoAssociation[] = demoWards.map((w, i) => ({
  key: w.officerKey,
  municipalityCode: w.code,
  name: w.association,
  area: w.area,
  households: 150 + ((i * 137) % 600),
}));

const extraVolunteers: { name: string; language: DemoAccount['language']; skills: SkillKey[]; codes: string[] }[] = [
  { name: '佐々木 陽菜', language: 'ja', skills: ['smartphone_class', 'line_group'], codes: ['13101', '13102'] },
  { name: 'Priya Sharma', language: 'en', skills: ['translation_english', 'easy_japanese'], codes: ['13113'] },
  { name: '加藤 大輔', language: 'ja', skills: ['heavy_lifting', 'tent_setup'], codes: ['13119', '13121'] },
  { name: '吉田 美咲', language: 'ja', skills: ['photography', 'video_editing'], codes: ['13112', '13113'] },
  { name: 'チャン・ティ・ラン', language: 'ja-easy', skills: ['translation_vietnamese'], codes: ['13123'] },
  { name: '山口 翔', language: 'ja', skills: ['website_update', 'pc_setup'], codes: ['13105', '13115'] },
  { name: '松田 恵', language: 'ja', skills: ['homework_help', 'reading_aloud'], codes: ['13201', '13208'] },
  { name: '井口 亮', language: 'ja', skills: ['spreadsheets', 'accounting'], codes: ['13109', '13104'] },
  { name: '藤田 あおい', language: 'ja', skills: ['flyer_design', 'illustration'], codes: ['13229', '13115'] },
  { name: '岡本 修', language: 'ja', skills: ['elderly_visits', 'shopping_help'], codes: ['13208', '13229'] },
];

const volunteerKey = (i: number) => `volunteer${i + 6}`;

const staffNames = ['中島', '小川', '前田', '藤井', '岡田', '後藤'];

export const historyAccounts: DemoAccount[] = [
  ...demoWards.map((w, i): DemoAccount => ({
    key: `staff.${w.key}`,
    email: `staff.${w.key}@demo.example`,
    displayName: `${w.wardName} 地域振興課 ${staffNames[i % staffNames.length]}`,
    language: 'ja',
    roles: [{ role: 'municipal_staff', municipalityCode: w.code }],
  })),
  ...demoWards.map((w): DemoAccount => ({
    key: w.officerKey,
    email: `officer.${w.officerKey}@demo.example`,
    displayName: `${w.association} ${w.officerName}`,
    language: 'ja',
    roles: [{ role: 'officer', association: w.officerKey }],
  })),
  ...extraVolunteers.map((v, i): DemoAccount => ({
    key: volunteerKey(i),
    email: `${volunteerKey(i)}@demo.example`,
    displayName: v.name,
    language: v.language,
    roles: [{ role: 'volunteer' }],
  })),
];

export const historyProfiles: DemoProfile[] = extraVolunteers.map((v, i) => ({
  account: volunteerKey(i),
  skills: v.skills.map((key) => ({ key, level: 'can' })),
  interestCategories: [],
  municipalityCodes: v.codes,
  availabilitySlots: ['sat-morning', 'sun-afternoon'],
  languages: v.language === 'en' ? ['en', 'ja'] : ['ja'],
  onlineOk: i % 2 === 0,
  hoursPerMonth: 4 + (i % 3) * 2,
  suggestable: true,
  bio: '',
}));

/** Every volunteer of the demo who raises hands in the history (base volunteers first). */
export const historyVolunteerKeys = [
  'volunteer1',
  'volunteer2',
  'volunteer3',
  'volunteer4',
  'volunteer5',
  'officerOkubo',
  ...extraVolunteers.map((_, i) => volunteerKey(i)),
];
