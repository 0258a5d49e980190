import { openDataCountKeys, openDataLicence, type FigureRow, type OpenDataRow } from '@board/shared';
import { fieldColumn, type CsvColumn } from '../oversight/csv.ts';

/** The figures CSV: a row per month, then the period's. Rates as fractions (0–1), days with halves. */
export const figureCsvColumns: CsvColumn<FigureRow & { month: string }>[] = [
  fieldColumn('month', { ja: '月', en: 'Month', 'ja-easy': 'つき' }),
  fieldColumn('posted', { ja: '投稿された依頼', en: 'Requests posted', 'ja-easy': 'だされた おねがい' }),
  fieldColumn('published', { ja: '掲載された依頼', en: 'Requests published', 'ja-easy': 'けいじばんに でた おねがい' }),
  fieldColumn('matched', { ja: 'マッチした依頼', en: 'Requests matched', 'ja-easy': 'マッチした おねがい' }),
  fieldColumn('completed', { ja: '完了した依頼', en: 'Requests completed', 'ja-easy': 'おわった おねがい' }),
  {
    heading: { ja: 'マッチ率', en: 'Match rate', 'ja-easy': 'マッチした わりあい' },
    value: (r) => (r.matchRate === null ? null : Number(r.matchRate.toFixed(4))),
  },
  fieldColumn('medianDaysToFirstHand', {
    ja: '最初の手までの日数（中央値）',
    en: 'Median days to first hand',
    'ja-easy': 'はじめて てが あがるまでの ひにち',
  }),
  fieldColumn('medianDaysToMatch', {
    ja: 'マッチまでの日数（中央値）',
    en: 'Median days to match',
    'ja-easy': 'マッチするまでの ひにち',
  }),
  fieldColumn('activeVolunteers', {
    ja: '活動した腕きき',
    en: 'Active volunteers',
    'ja-easy': 'うごいた うでききの ひと',
  }),
  fieldColumn('postingAssociations', {
    ja: '投稿した町会・自治会',
    en: 'Associations that posted',
    'ja-easy': 'おねがいを だした ちょうかい',
  }),
  fieldColumn('matchesFromBoard', {
    ja: '掲示板から生まれたマッチ',
    en: 'Matches from the board',
    'ja-easy': 'けいじばんからの マッチ',
  }),
  fieldColumn('matchesFromSuggestion', {
    ja: 'おすすめから生まれたマッチ',
    en: 'Matches from suggestions',
    'ja-easy': 'おすすめからの マッチ',
  }),
  fieldColumn('matchesFromInvitation', {
    ja: 'お誘いから生まれたマッチ',
    en: 'Matches from invitations',
    'ja-easy': 'おさそいからの マッチ',
  }),
];

const openDataHeadings: Record<(typeof openDataCountKeys)[number], string> = {
  posted: '投稿された依頼数',
  published: '掲載された依頼数',
  matched: 'マッチした依頼数',
  completed: '完了した依頼数',
  activeVolunteers: '活動した腕きき数',
  postingAssociations: '投稿した町会・自治会数',
};

const same = (text: string) => ({ ja: text, en: text, 'ja-easy': text });

/**
 * The open data CSV (Japanese headings, as 自治体標準オープンデータセット do): a suppressed cell
 * (under 5) is empty; the licence is stated in every row.
 */
export const openDataCsvColumns: CsvColumn<OpenDataRow>[] = [
  fieldColumn('municipalityCode', same('区市町村コード')),
  fieldColumn('municipalityNameJa', same('区市町村名')),
  fieldColumn('municipalityNameEn', same('区市町村名_英語')),
  fieldColumn('month', same('年月')),
  ...openDataCountKeys.map((key) => fieldColumn(key, same(openDataHeadings[key]))),
  { heading: same('ライセンス'), value: () => `${openDataLicence.name} ${openDataLicence.url}` },
];
