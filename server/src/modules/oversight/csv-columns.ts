import type { MatchSummary, MunicipalityRequestItem } from '@board/shared';
import type { CsvColumn } from './csv.ts';

/**
 * The columns of the oversight CSVs. Headings follow the reader's language; states, categories
 * and origins are their codes (stable for a spreadsheet's formulas across languages); times are
 * Tokyo time.
 */

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/** The request's own headings (its fields are named differently in a match and in a request list). */
const requestHeadings = {
  id: { ja: '依頼ID', en: 'Request ID', 'ja-easy': 'おねがいの ID' },
  title: { ja: '依頼', en: 'Request', 'ja-easy': 'おねがい' },
};

/** The columns a match and a request list both have, with the same fields. */
const both = {
  municipalityCode: {
    heading: { ja: '区市町村コード', en: 'Municipality code', 'ja-easy': 'くやくしょの コード' },
    value: (row: { municipalityCode: string }) => row.municipalityCode,
  },
  association: {
    heading: { ja: '町会・自治会', en: 'Association', 'ja-easy': 'ちょうかい・じちかい' },
    value: (row: { associationName: string }) => row.associationName,
  },
  category: {
    heading: { ja: '分野', en: 'Category', 'ja-easy': 'ぶんや' },
    value: (row: { category: string }) => row.category,
  },
  status: {
    heading: { ja: '状態', en: 'Status', 'ja-easy': 'いまの ようす' },
    value: (row: { status: string }) => row.status,
  },
} satisfies Record<string, CsvColumn<never>>;

export const matchCsvColumns: CsvColumn<MatchSummary>[] = [
  { heading: { ja: 'マッチID', en: 'Match ID', 'ja-easy': 'マッチの ID' }, value: (m) => m.id },
  both.municipalityCode,
  both.association,
  { heading: requestHeadings.id, value: (m) => m.requestId },
  { heading: requestHeadings.title, value: (m) => m.requestTitle },
  both.category,
  { heading: { ja: '腕きき', en: 'Volunteer', 'ja-easy': 'うでききの ひと' }, value: (m) => m.volunteerName },
  both.status,
  { heading: { ja: 'きっかけ', en: 'How it began', 'ja-easy': 'きっかけ' }, value: (m) => m.origin },
  { heading: { ja: '手を挙げた日時', en: 'Hand raised', 'ja-easy': 'てを あげた ひ' }, value: (m) => at(m.appliedAt) },
  { heading: { ja: 'マッチ日時', en: 'Matched', 'ja-easy': 'マッチした ひ' }, value: (m) => at(m.matchedAt) },
  { heading: { ja: '終了日時', en: 'Done', 'ja-easy': 'おわった ひ' }, value: (m) => at(m.doneAt) },
  { heading: { ja: '確認日時', en: 'Confirmed', 'ja-easy': 'たしかめた ひ' }, value: (m) => at(m.confirmedAt) },
  { heading: { ja: '辞退日時', en: 'Withdrawn', 'ja-easy': 'やめた ひ' }, value: (m) => at(m.withdrawnAt) },
  { heading: { ja: 'メッセージ数', en: 'Messages', 'ja-easy': 'メッセージの かず' }, value: (m) => m.messageCount },
];

export const requestCsvColumns: CsvColumn<MunicipalityRequestItem>[] = [
  { heading: requestHeadings.id, value: (r) => r.id },
  both.municipalityCode,
  both.association,
  { heading: requestHeadings.title, value: (r) => r.title },
  both.category,
  both.status,
  { heading: { ja: '非表示', en: 'Hidden', 'ja-easy': 'みえなく した' }, value: (r) => r.hidden },
  { heading: { ja: '募集人数', en: 'Slots', 'ja-easy': 'ほしい ひとの かず' }, value: (r) => r.slots },
  { heading: { ja: 'マッチ数', en: 'Matched', 'ja-easy': 'マッチした かず' }, value: (r) => r.matchedCount },
  { heading: { ja: '手を挙げた数', en: 'Hands raised', 'ja-easy': 'てを あげた かず' }, value: (r) => r.handCount },
  { heading: { ja: '作成日時', en: 'Created', 'ja-easy': 'つくった ひ' }, value: (r) => at(r.createdAt) },
  { heading: { ja: '掲載日時', en: 'Published', 'ja-easy': 'けいじばんに でた ひ' }, value: (r) => at(r.publishedAt) },
  { heading: { ja: '更新日時', en: 'Last changed', 'ja-easy': 'さいごに かえた ひ' }, value: (r) => at(r.updatedAt) },
];
