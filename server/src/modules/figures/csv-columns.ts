import { openDataCountKeys, openDataLicence, type FigureRow, type OpenDataRow } from '@board/shared';
import type { CsvColumn } from '../oversight/csv.ts';

/** The figures CSV: a row per month, then the period's. Rates as fractions (0–1), days with halves. */
export const figureCsvColumns: CsvColumn<FigureRow & { month: string }>[] = [
  { heading: { ja: '月', en: 'Month', 'ja-easy': 'つき' }, value: (r) => r.month },
  { heading: { ja: '投稿された依頼', en: 'Requests posted', 'ja-easy': 'だされた おねがい' }, value: (r) => r.posted },
  {
    heading: { ja: '掲載された依頼', en: 'Requests published', 'ja-easy': 'けいじばんに でた おねがい' },
    value: (r) => r.published,
  },
  {
    heading: { ja: 'マッチした依頼', en: 'Requests matched', 'ja-easy': 'マッチした おねがい' },
    value: (r) => r.matched,
  },
  {
    heading: { ja: '完了した依頼', en: 'Requests completed', 'ja-easy': 'おわった おねがい' },
    value: (r) => r.completed,
  },
  {
    heading: { ja: 'マッチ率', en: 'Match rate', 'ja-easy': 'マッチした わりあい' },
    value: (r) => (r.matchRate === null ? null : Number(r.matchRate.toFixed(4))),
  },
  {
    heading: {
      ja: '最初の手までの日数（中央値）',
      en: 'Median days to first hand',
      'ja-easy': 'はじめて てが あがるまでの ひにち',
    },
    value: (r) => r.medianDaysToFirstHand,
  },
  {
    heading: { ja: 'マッチまでの日数（中央値）', en: 'Median days to match', 'ja-easy': 'マッチするまでの ひにち' },
    value: (r) => r.medianDaysToMatch,
  },
  {
    heading: { ja: '活動した腕きき', en: 'Active volunteers', 'ja-easy': 'うごいた うでききの ひと' },
    value: (r) => r.activeVolunteers,
  },
  {
    heading: { ja: '投稿した町会・自治会', en: 'Associations that posted', 'ja-easy': 'おねがいを だした ちょうかい' },
    value: (r) => r.postingAssociations,
  },
  {
    heading: { ja: '掲示板から生まれたマッチ', en: 'Matches from the board', 'ja-easy': 'けいじばんからの マッチ' },
    value: (r) => r.matchesFromBoard,
  },
  {
    heading: { ja: 'おすすめから生まれたマッチ', en: 'Matches from suggestions', 'ja-easy': 'おすすめからの マッチ' },
    value: (r) => r.matchesFromSuggestion,
  },
  {
    heading: { ja: 'お誘いから生まれたマッチ', en: 'Matches from invitations', 'ja-easy': 'おさそいからの マッチ' },
    value: (r) => r.matchesFromInvitation,
  },
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
  { heading: same('区市町村コード'), value: (r) => r.municipalityCode },
  { heading: same('区市町村名'), value: (r) => r.municipalityNameJa },
  { heading: same('区市町村名_英語'), value: (r) => r.municipalityNameEn },
  { heading: same('年月'), value: (r) => r.month },
  ...openDataCountKeys.map((key) => ({ heading: same(openDataHeadings[key]), value: (r: OpenDataRow) => r[key] })),
  { heading: same('ライセンス'), value: () => `${openDataLicence.name} ${openDataLicence.url}` },
];
