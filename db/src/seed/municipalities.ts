import type { MunicipalityKind } from '@board/shared';

export interface MunicipalitySeed {
  /** 全国地方公共団体コード (5 digits, without check digit) */
  code: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  kind: MunicipalityKind;
}

/** All 62 municipalities (区市町村) of Tokyo Metropolis, ordered by code. */
export const tokyoMunicipalities: readonly MunicipalitySeed[] = [
  // 特別区 (23)
  { code: '13101', nameJa: '千代田区', nameKana: 'ちよだく', nameEn: 'Chiyoda City', kind: 'ward' },
  { code: '13102', nameJa: '中央区', nameKana: 'ちゅうおうく', nameEn: 'Chuo City', kind: 'ward' },
  { code: '13103', nameJa: '港区', nameKana: 'みなとく', nameEn: 'Minato City', kind: 'ward' },
  { code: '13104', nameJa: '新宿区', nameKana: 'しんじゅくく', nameEn: 'Shinjuku City', kind: 'ward' },
  { code: '13105', nameJa: '文京区', nameKana: 'ぶんきょうく', nameEn: 'Bunkyo City', kind: 'ward' },
  { code: '13106', nameJa: '台東区', nameKana: 'たいとうく', nameEn: 'Taito City', kind: 'ward' },
  { code: '13107', nameJa: '墨田区', nameKana: 'すみだく', nameEn: 'Sumida City', kind: 'ward' },
  { code: '13108', nameJa: '江東区', nameKana: 'こうとうく', nameEn: 'Koto City', kind: 'ward' },
  { code: '13109', nameJa: '品川区', nameKana: 'しながわく', nameEn: 'Shinagawa City', kind: 'ward' },
  { code: '13110', nameJa: '目黒区', nameKana: 'めぐろく', nameEn: 'Meguro City', kind: 'ward' },
  { code: '13111', nameJa: '大田区', nameKana: 'おおたく', nameEn: 'Ota City', kind: 'ward' },
  { code: '13112', nameJa: '世田谷区', nameKana: 'せたがやく', nameEn: 'Setagaya City', kind: 'ward' },
  { code: '13113', nameJa: '渋谷区', nameKana: 'しぶやく', nameEn: 'Shibuya City', kind: 'ward' },
  { code: '13114', nameJa: '中野区', nameKana: 'なかのく', nameEn: 'Nakano City', kind: 'ward' },
  { code: '13115', nameJa: '杉並区', nameKana: 'すぎなみく', nameEn: 'Suginami City', kind: 'ward' },
  { code: '13116', nameJa: '豊島区', nameKana: 'としまく', nameEn: 'Toshima City', kind: 'ward' },
  { code: '13117', nameJa: '北区', nameKana: 'きたく', nameEn: 'Kita City', kind: 'ward' },
  { code: '13118', nameJa: '荒川区', nameKana: 'あらかわく', nameEn: 'Arakawa City', kind: 'ward' },
  { code: '13119', nameJa: '板橋区', nameKana: 'いたばしく', nameEn: 'Itabashi City', kind: 'ward' },
  { code: '13120', nameJa: '練馬区', nameKana: 'ねりまく', nameEn: 'Nerima City', kind: 'ward' },
  { code: '13121', nameJa: '足立区', nameKana: 'あだちく', nameEn: 'Adachi City', kind: 'ward' },
  { code: '13122', nameJa: '葛飾区', nameKana: 'かつしかく', nameEn: 'Katsushika City', kind: 'ward' },
  { code: '13123', nameJa: '江戸川区', nameKana: 'えどがわく', nameEn: 'Edogawa City', kind: 'ward' },

  // 市 (26) — 13216 田無市 / 13217 保谷市 merged into 13229 西東京市; 13226 秋川市 merged into 13228 あきる野市
  { code: '13201', nameJa: '八王子市', nameKana: 'はちおうじし', nameEn: 'Hachioji City', kind: 'city' },
  { code: '13202', nameJa: '立川市', nameKana: 'たちかわし', nameEn: 'Tachikawa City', kind: 'city' },
  { code: '13203', nameJa: '武蔵野市', nameKana: 'むさしのし', nameEn: 'Musashino City', kind: 'city' },
  { code: '13204', nameJa: '三鷹市', nameKana: 'みたかし', nameEn: 'Mitaka City', kind: 'city' },
  { code: '13205', nameJa: '青梅市', nameKana: 'おうめし', nameEn: 'Ome City', kind: 'city' },
  { code: '13206', nameJa: '府中市', nameKana: 'ふちゅうし', nameEn: 'Fuchu City', kind: 'city' },
  { code: '13207', nameJa: '昭島市', nameKana: 'あきしまし', nameEn: 'Akishima City', kind: 'city' },
  { code: '13208', nameJa: '調布市', nameKana: 'ちょうふし', nameEn: 'Chofu City', kind: 'city' },
  { code: '13209', nameJa: '町田市', nameKana: 'まちだし', nameEn: 'Machida City', kind: 'city' },
  { code: '13210', nameJa: '小金井市', nameKana: 'こがねいし', nameEn: 'Koganei City', kind: 'city' },
  { code: '13211', nameJa: '小平市', nameKana: 'こだいらし', nameEn: 'Kodaira City', kind: 'city' },
  { code: '13212', nameJa: '日野市', nameKana: 'ひのし', nameEn: 'Hino City', kind: 'city' },
  { code: '13213', nameJa: '東村山市', nameKana: 'ひがしむらやまし', nameEn: 'Higashimurayama City', kind: 'city' },
  { code: '13214', nameJa: '国分寺市', nameKana: 'こくぶんじし', nameEn: 'Kokubunji City', kind: 'city' },
  { code: '13215', nameJa: '国立市', nameKana: 'くにたちし', nameEn: 'Kunitachi City', kind: 'city' },
  { code: '13218', nameJa: '福生市', nameKana: 'ふっさし', nameEn: 'Fussa City', kind: 'city' },
  { code: '13219', nameJa: '狛江市', nameKana: 'こまえし', nameEn: 'Komae City', kind: 'city' },
  { code: '13220', nameJa: '東大和市', nameKana: 'ひがしやまとし', nameEn: 'Higashiyamato City', kind: 'city' },
  { code: '13221', nameJa: '清瀬市', nameKana: 'きよせし', nameEn: 'Kiyose City', kind: 'city' },
  { code: '13222', nameJa: '東久留米市', nameKana: 'ひがしくるめし', nameEn: 'Higashikurume City', kind: 'city' },
  { code: '13223', nameJa: '武蔵村山市', nameKana: 'むさしむらやまし', nameEn: 'Musashimurayama City', kind: 'city' },
  { code: '13224', nameJa: '多摩市', nameKana: 'たまし', nameEn: 'Tama City', kind: 'city' },
  { code: '13225', nameJa: '稲城市', nameKana: 'いなぎし', nameEn: 'Inagi City', kind: 'city' },
  { code: '13227', nameJa: '羽村市', nameKana: 'はむらし', nameEn: 'Hamura City', kind: 'city' },
  { code: '13228', nameJa: 'あきる野市', nameKana: 'あきるのし', nameEn: 'Akiruno City', kind: 'city' },
  { code: '13229', nameJa: '西東京市', nameKana: 'にしとうきょうし', nameEn: 'Nishitokyo City', kind: 'city' },

  // 西多摩郡 (3 towns, 1 village)
  { code: '13303', nameJa: '瑞穂町', nameKana: 'みずほまち', nameEn: 'Mizuho Town', kind: 'town' },
  { code: '13305', nameJa: '日の出町', nameKana: 'ひのでまち', nameEn: 'Hinode Town', kind: 'town' },
  { code: '13307', nameJa: '檜原村', nameKana: 'ひのはらむら', nameEn: 'Hinohara Village', kind: 'village' },
  { code: '13308', nameJa: '奥多摩町', nameKana: 'おくたままち', nameEn: 'Okutama Town', kind: 'town' },

  // 大島支庁
  { code: '13361', nameJa: '大島町', nameKana: 'おおしままち', nameEn: 'Oshima Town', kind: 'town' },
  { code: '13362', nameJa: '利島村', nameKana: 'としまむら', nameEn: 'Toshima Village', kind: 'village' },
  { code: '13363', nameJa: '新島村', nameKana: 'にいじまむら', nameEn: 'Niijima Village', kind: 'village' },
  { code: '13364', nameJa: '神津島村', nameKana: 'こうづしまむら', nameEn: 'Kozushima Village', kind: 'village' },

  // 三宅支庁
  { code: '13381', nameJa: '三宅村', nameKana: 'みやけむら', nameEn: 'Miyake Village', kind: 'village' },
  { code: '13382', nameJa: '御蔵島村', nameKana: 'みくらじまむら', nameEn: 'Mikurajima Village', kind: 'village' },

  // 八丈支庁
  { code: '13401', nameJa: '八丈町', nameKana: 'はちじょうまち', nameEn: 'Hachijo Town', kind: 'town' },
  { code: '13402', nameJa: '青ヶ島村', nameKana: 'あおがしまむら', nameEn: 'Aogashima Village', kind: 'village' },

  // 小笠原支庁
  { code: '13421', nameJa: '小笠原村', nameKana: 'おがさわらむら', nameEn: 'Ogasawara Village', kind: 'village' },
];

/** The 14 municipalities active in the demo */
export const demoActiveCodes: readonly string[] = [
  '13101', // 千代田区
  '13102', // 中央区
  '13104', // 新宿区
  '13105', // 文京区
  '13109', // 品川区
  '13112', // 世田谷区
  '13113', // 渋谷区
  '13115', // 杉並区
  '13119', // 板橋区
  '13121', // 足立区
  '13123', // 江戸川区
  '13201', // 八王子市
  '13208', // 調布市
  '13229', // 西東京市
];

/**
 * The contact desk each demo municipality shows on its requests, its pages and in its mails (the
 * `contactDesk` setting its staff may change): name, phone, hours. The numbers are fictional
 * (0000), so nobody calls a real office from the demo.
 */
export function demoContactDesk(code: string): string {
  const municipality = tokyoMunicipalities.find((m) => m.code === code);
  if (!municipality) throw new Error(`no municipality ${code}`);
  const phone = municipality.kind === 'ward' ? `03-0000-${code.slice(1)}` : `042-000-${code.slice(1)}`;
  return [
    `${municipality.nameJa} 地域振興課 町会・自治会係`,
    `電話 ${phone}`,
    '平日 8:30〜17:15（土日祝・年末年始は休み）',
  ].join('\n');
}
