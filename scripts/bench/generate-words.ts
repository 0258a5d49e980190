import { demoActiveCodes } from '@board/db/seed/municipalities';

/** The numbers and words of the generated town (pnpm bench:generate), and SQL literals for them. */

export const tokyoScale = {
  associations: 9_000,
  volunteers: 100_000,
  requests: 1_000_000,
  applications: 3_000_000,
};

/** the 14 of the demo plus 6 more joined; two have paused */
export const benchActiveCodes = [...demoActiveCodes, '13103', '13111', '13114', '13120', '13204', '13213'];
export const benchPausedCodes = ['13106', '13210'];
/** municipalities that turned moderation off (submit publishes at once) */
export const noModerationCodes = ['13208', '13229', '13213'];

export function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export function arrayLiteral(values: readonly string[]): string {
  return `array[${values.map(lit).join(',')}]::text[]`;
}

export const towns = [
  '本町',
  '栄町',
  '緑町',
  '中町',
  '東町',
  '西町',
  '南町',
  '北町',
  '旭町',
  '若葉町',
  '桜台',
  '富士見町',
  '宮前',
  '大和町',
  '松原',
  '新田',
  '日の出町',
  '千歳町',
  '寿町',
  '八幡町',
  '元町',
  '泉町',
  '柳町',
  '青葉台',
  '平和台',
  '梅が丘',
  '下町',
  '上町',
  '仲宿',
  '曙町',
  '清水町',
  '昭和町',
  '稲荷町',
  '錦町',
  '幸町',
  '春日町',
  '弥生町',
  '浜町',
  '住吉',
  '亀戸',
];
export const chome = ['一', '二', '三', '四', '五', '六', '七', '八'];
export const surnames = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山口',
];
export const givenNames = [
  'さくら',
  '健',
  'みどり',
  '翔太',
  '陽菜',
  '大輔',
  '結衣',
  '誠',
  '美咲',
  '拓海',
  '花子',
  '太郎',
  '優子',
  '蓮',
  'Alex',
  'Minh',
  'Priya',
  'Li',
  'Maria',
  'Ji-woo',
];
export const applicationMessages = [
  'お手伝いできます。よろしくお願いします。',
  '近所に住んでいます。土日なら動けます。',
  '仕事で同じような経験があります。ぜひ手伝わせてください。',
  '初めてですが、やってみたいです。',
  '平日の夜なら時間があります。',
  'Canvaでチラシを作ったことがあります。',
  'I can help. I speak English and a little Japanese.',
  '子どもと一緒に参加してもいいですか。',
  '車を出せます。',
  '以前も町会のお手伝いをしました。',
];
