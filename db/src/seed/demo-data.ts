import type { Category, Language, RequestStatus, Role, WhenKind } from '@board/shared';

/** Every demo account signs in with this password (documented in the README). Demo mode only. */
export const demoPassword = 'udekiki-demo-2026';

export interface DemoAssociation {
  key: string;
  municipalityCode: string;
  name: string;
  area: string;
  households: number;
}

export const demoAssociations: DemoAssociation[] = [
  { key: 'senju', municipalityCode: '13121', name: '千住一丁目町会', area: '千住一丁目', households: 420 },
  { key: 'umeda', municipalityCode: '13121', name: '梅田四丁目自治会', area: '梅田四丁目', households: 260 },
  { key: 'okubo', municipalityCode: '13104', name: '大久保二丁目町会', area: '大久保二丁目', households: 610 },
  { key: 'yotsuya', municipalityCode: '13104', name: '四谷三丁目町会', area: '四谷三丁目', households: 180 },
];

export interface DemoAccount {
  key: string;
  email: string;
  displayName: string;
  language: Language;
  roles: { role: Role; municipalityCode?: string; association?: string }[];
}

export const demoAccounts: DemoAccount[] = [
  {
    key: 'foundation',
    email: 'foundation@demo.example',
    displayName: '財団 花子',
    language: 'ja',
    roles: [{ role: 'foundation_staff' }],
  },
  {
    key: 'staffAdachi',
    email: 'staff.adachi@demo.example',
    displayName: '足立区 地域調整課 佐藤',
    language: 'ja',
    roles: [{ role: 'municipal_staff', municipalityCode: '13121' }],
  },
  {
    key: 'staffShinjuku',
    email: 'staff.shinjuku@demo.example',
    displayName: '新宿区 地域コミュニティ課 鈴木',
    language: 'ja',
    roles: [{ role: 'municipal_staff', municipalityCode: '13104' }],
  },
  {
    key: 'officerSenju',
    email: 'officer.senju@demo.example',
    displayName: '千住一丁目町会 高橋',
    language: 'ja',
    roles: [{ role: 'officer', association: 'senju' }],
  },
  {
    key: 'officerUmeda',
    email: 'officer.umeda@demo.example',
    displayName: '梅田四丁目自治会 田中',
    language: 'ja',
    roles: [{ role: 'officer', association: 'umeda' }],
  },
  {
    key: 'officerOkubo',
    email: 'officer.okubo@demo.example',
    displayName: '大久保二丁目町会 伊藤',
    language: 'ja',
    roles: [{ role: 'officer', association: 'okubo' }, { role: 'volunteer' }],
  },
  {
    key: 'officerYotsuya',
    email: 'officer.yotsuya@demo.example',
    displayName: '四谷三丁目町会 渡辺',
    language: 'ja',
    roles: [{ role: 'officer', association: 'yotsuya' }],
  },
  {
    key: 'volunteer1',
    email: 'volunteer1@demo.example',
    displayName: '山本 さくら',
    language: 'ja',
    roles: [{ role: 'volunteer' }],
  },
  {
    key: 'volunteer2',
    email: 'volunteer2@demo.example',
    displayName: 'Alex Morgan',
    language: 'en',
    roles: [{ role: 'volunteer' }],
  },
  {
    key: 'volunteer3',
    email: 'volunteer3@demo.example',
    displayName: 'グエン・ミン',
    language: 'ja-easy',
    roles: [{ role: 'volunteer' }],
  },
  {
    key: 'volunteer4',
    email: 'volunteer4@demo.example',
    displayName: '中村 健',
    language: 'ja',
    roles: [{ role: 'volunteer' }],
  },
  {
    key: 'volunteer5',
    email: 'volunteer5@demo.example',
    displayName: '小林 みどり',
    language: 'ja',
    roles: [{ role: 'volunteer' }],
  },
];

export interface DemoRequest {
  association: string;
  createdBy: string;
  title: string;
  body: string;
  category: Category;
  skills: string[];
  slots: number;
  whenKind: WhenKind;
  startsInDays?: number;
  deadlineInDays?: number;
  area: string;
  online: boolean;
  estimatedHours: string;
  expensesCovered: boolean;
  languages: string[];
  status: RequestStatus;
  statusReason?: string;
}

export const demoRequests: DemoRequest[] = [
  {
    association: 'senju',
    createdBy: 'officerSenju',
    title: '夏祭りのチラシを作ってください',
    body: '来年7月の千住一丁目夏祭りのチラシ（A4・両面）をデザインしてくれる方を探しています。\n写真と文章はこちらで用意します。印刷代は町会が負担します。',
    category: 'design_flyers',
    skills: ['チラシデザイン', 'Canva'],
    slots: 1,
    whenKind: 'flexible',
    deadlineInDays: 21,
    area: '千住一丁目',
    online: true,
    estimatedHours: '6',
    expensesCovered: true,
    languages: ['ja'],
    status: 'published',
  },
  {
    association: 'senju',
    createdBy: 'officerSenju',
    title: '町会のLINEグループを作りたい',
    body: '回覧板の代わりにLINEで連絡できるようにしたいです。設定と、役員への使い方説明をお願いします。',
    category: 'it_digital',
    skills: ['LINE', 'スマホ'],
    slots: 1,
    whenKind: 'at',
    startsInDays: 30,
    deadlineInDays: 20,
    area: '千住一丁目',
    online: false,
    estimatedHours: '2',
    expensesCovered: false,
    languages: ['ja'],
    status: 'pending_review',
  },
  {
    association: 'umeda',
    createdBy: 'officerUmeda',
    title: '防災訓練の写真撮影',
    body: '11月の防災訓練の様子を写真に残したいです。町会だよりとホームページに使います。',
    category: 'photo_video',
    skills: ['写真撮影'],
    slots: 2,
    whenKind: 'at',
    startsInDays: 14,
    deadlineInDays: 10,
    area: '梅田四丁目',
    online: false,
    estimatedHours: '3',
    expensesCovered: false,
    languages: ['ja'],
    status: 'published',
  },
  {
    association: 'okubo',
    createdBy: 'officerOkubo',
    title: 'ごみ出しルールをやさしい日本語と英語に',
    body: '外国籍の住民が増えたので、ごみ出しルールのお知らせをやさしい日本語と英語に訳してほしいです。',
    category: 'translation',
    skills: ['やさしい日本語', '英語'],
    slots: 2,
    whenKind: 'flexible',
    deadlineInDays: 25,
    area: '大久保二丁目',
    online: true,
    estimatedHours: '4',
    expensesCovered: false,
    languages: ['ja', 'en'],
    status: 'published',
  },
  {
    association: 'okubo',
    createdBy: 'officerOkubo',
    title: '防災倉庫の整理と備品の運び出し',
    body: '防災倉庫の中を整理し、古い備品を運び出します。力仕事ができる方を募集します。',
    category: 'manual_labour',
    skills: ['力仕事'],
    slots: 4,
    whenKind: 'at',
    startsInDays: 20,
    deadlineInDays: 15,
    area: '大久保二丁目',
    online: false,
    estimatedHours: '3',
    expensesCovered: false,
    languages: ['ja'],
    status: 'changes_requested',
    statusReason: '集合時間と持ち物（軍手など）を本文に書いてください。',
  },
  {
    association: 'yotsuya',
    createdBy: 'officerYotsuya',
    title: '高齢者向けスマホ教室の講師',
    body: '町会の集会所で、高齢の会員向けにスマホの基本（写真・LINE・地図）を教えてくださる方を探していました。',
    category: 'elderly_support',
    skills: ['スマホ', '教えること'],
    slots: 1,
    whenKind: 'at',
    startsInDays: -30,
    area: '四谷三丁目',
    online: false,
    estimatedHours: '2',
    expensesCovered: false,
    languages: ['ja'],
    status: 'completed',
  },
  {
    association: 'yotsuya',
    createdBy: 'officerYotsuya',
    title: '町会の会計帳簿をパソコンで',
    body: '手書きの会計帳簿を表計算ソフトに移したいです。やり方を一緒に考えてくれる方を探しています。',
    category: 'admin_accounting',
    skills: ['Excel', '会計'],
    slots: 1,
    whenKind: 'flexible',
    area: '四谷三丁目',
    online: false,
    estimatedHours: '3',
    expensesCovered: false,
    languages: ['ja'],
    status: 'draft',
  },
];
