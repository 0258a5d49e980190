import type { MatchSummary, MunicipalityRequestItem } from '@board/shared';
import type { CsvColumn } from './csv.ts';

/**
 * The columns of the oversight CSVs. Headings follow the reader's language; states, categories
 * and origins are their codes (stable for a spreadsheet's formulas across languages); times are
 * Tokyo time.
 */

const at = (iso: string | null) => (iso ? new Date(iso) : null);

export const matchCsvColumns: CsvColumn<MatchSummary>[] = [
  { heading: { ja: 'マッチID', en: 'Match ID', 'ja-easy': 'マッチの ID' }, value: (m) => m.id },
  {
    heading: { ja: '区市町村コード', en: 'Municipality code', 'ja-easy': 'くやくしょの コード' },
    value: (m) => m.municipalityCode,
  },
  {
    heading: { ja: '町会・自治会', en: 'Association', 'ja-easy': 'ちょうかい・じちかい' },
    value: (m) => m.associationName,
  },
  { heading: { ja: '依頼ID', en: 'Request ID', 'ja-easy': 'おねがいの ID' }, value: (m) => m.requestId },
  { heading: { ja: '依頼', en: 'Request', 'ja-easy': 'おねがい' }, value: (m) => m.requestTitle },
  { heading: { ja: '分野', en: 'Category', 'ja-easy': 'ぶんや' }, value: (m) => m.category },
  { heading: { ja: '腕きき', en: 'Volunteer', 'ja-easy': 'うでききの ひと' }, value: (m) => m.volunteerName },
  { heading: { ja: '状態', en: 'Status', 'ja-easy': 'いまの ようす' }, value: (m) => m.status },
  { heading: { ja: 'きっかけ', en: 'How it began', 'ja-easy': 'きっかけ' }, value: (m) => m.origin },
  { heading: { ja: '手を挙げた日時', en: 'Hand raised', 'ja-easy': 'てを あげた ひ' }, value: (m) => at(m.appliedAt) },
  { heading: { ja: 'マッチ日時', en: 'Matched', 'ja-easy': 'マッチした ひ' }, value: (m) => at(m.matchedAt) },
  { heading: { ja: '終了日時', en: 'Done', 'ja-easy': 'おわった ひ' }, value: (m) => at(m.doneAt) },
  { heading: { ja: '確認日時', en: 'Confirmed', 'ja-easy': 'たしかめた ひ' }, value: (m) => at(m.confirmedAt) },
  { heading: { ja: '辞退日時', en: 'Withdrawn', 'ja-easy': 'やめた ひ' }, value: (m) => at(m.withdrawnAt) },
  { heading: { ja: 'メッセージ数', en: 'Messages', 'ja-easy': 'メッセージの かず' }, value: (m) => m.messageCount },
];

export const requestCsvColumns: CsvColumn<MunicipalityRequestItem>[] = [
  { heading: { ja: '依頼ID', en: 'Request ID', 'ja-easy': 'おねがいの ID' }, value: (r) => r.id },
  {
    heading: { ja: '区市町村コード', en: 'Municipality code', 'ja-easy': 'くやくしょの コード' },
    value: (r) => r.municipalityCode,
  },
  {
    heading: { ja: '町会・自治会', en: 'Association', 'ja-easy': 'ちょうかい・じちかい' },
    value: (r) => r.associationName,
  },
  { heading: { ja: '依頼', en: 'Request', 'ja-easy': 'おねがい' }, value: (r) => r.title },
  { heading: { ja: '分野', en: 'Category', 'ja-easy': 'ぶんや' }, value: (r) => r.category },
  { heading: { ja: '状態', en: 'Status', 'ja-easy': 'いまの ようす' }, value: (r) => r.status },
  { heading: { ja: '非表示', en: 'Hidden', 'ja-easy': 'みえなく した' }, value: (r) => r.hidden },
  { heading: { ja: '募集人数', en: 'Slots', 'ja-easy': 'ほしい ひとの かず' }, value: (r) => r.slots },
  { heading: { ja: 'マッチ数', en: 'Matched', 'ja-easy': 'マッチした かず' }, value: (r) => r.matchedCount },
  { heading: { ja: '手を挙げた数', en: 'Hands raised', 'ja-easy': 'てを あげた かず' }, value: (r) => r.handCount },
  { heading: { ja: '作成日時', en: 'Created', 'ja-easy': 'つくった ひ' }, value: (r) => at(r.createdAt) },
  { heading: { ja: '掲載日時', en: 'Published', 'ja-easy': 'けいじばんに でた ひ' }, value: (r) => at(r.publishedAt) },
  { heading: { ja: '更新日時', en: 'Last changed', 'ja-easy': 'さいごに かえた ひ' }, value: (r) => at(r.updatedAt) },
];
