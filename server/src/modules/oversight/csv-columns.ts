import type { Language, MatchSummary, MunicipalityRequestItem } from '@board/shared';
import { fieldColumn, type CsvColumn } from './csv.ts';

/**
 * The columns of the oversight CSVs. Headings follow the reader's language; states, categories
 * and origins are their codes (stable for a spreadsheet's formulas across languages); times are
 * Tokyo time.
 */

/** A column that shows a time field (ISO text, or null) as Tokyo time. */
const timeColumn = <Key extends string>(
  key: Key,
  heading: Record<Language, string>,
): CsvColumn<Record<Key, string | null>> => ({
  heading,
  value: (row) => (row[key] ? new Date(row[key]) : null),
});

/** The request's own headings (its fields are named differently in a match and in a request list). */
const requestHeadings = {
  id: { ja: '依頼ID', en: 'Request ID', 'ja-easy': 'おねがいの ID' },
  title: { ja: '依頼', en: 'Request', 'ja-easy': 'おねがい' },
};

/** The columns a match and a request list both have, with the same fields. */
const both = {
  municipalityCode: fieldColumn('municipalityCode', {
    ja: '区市町村コード',
    en: 'Municipality code',
    'ja-easy': 'くやくしょの コード',
  }),
  association: fieldColumn('associationName', {
    ja: '町会・自治会',
    en: 'Association',
    'ja-easy': 'ちょうかい・じちかい',
  }),
  category: fieldColumn('category', { ja: '分野', en: 'Category', 'ja-easy': 'ぶんや' }),
  status: fieldColumn('status', { ja: '状態', en: 'Status', 'ja-easy': 'いまの ようす' }),
};

export const matchCsvColumns: CsvColumn<MatchSummary>[] = [
  fieldColumn('id', { ja: 'マッチID', en: 'Match ID', 'ja-easy': 'マッチの ID' }),
  both.municipalityCode,
  both.association,
  fieldColumn('requestId', requestHeadings.id),
  fieldColumn('requestTitle', requestHeadings.title),
  both.category,
  fieldColumn('volunteerName', { ja: '腕きき', en: 'Volunteer', 'ja-easy': 'うでききの ひと' }),
  both.status,
  fieldColumn('origin', { ja: 'きっかけ', en: 'How it began', 'ja-easy': 'きっかけ' }),
  timeColumn('appliedAt', { ja: '手を挙げた日時', en: 'Hand raised', 'ja-easy': 'てを あげた ひ' }),
  timeColumn('matchedAt', { ja: 'マッチ日時', en: 'Matched', 'ja-easy': 'マッチした ひ' }),
  timeColumn('doneAt', { ja: '終了日時', en: 'Done', 'ja-easy': 'おわった ひ' }),
  timeColumn('confirmedAt', { ja: '確認日時', en: 'Confirmed', 'ja-easy': 'たしかめた ひ' }),
  timeColumn('withdrawnAt', { ja: '辞退日時', en: 'Withdrawn', 'ja-easy': 'やめた ひ' }),
  fieldColumn('messageCount', { ja: 'メッセージ数', en: 'Messages', 'ja-easy': 'メッセージの かず' }),
];

export const requestCsvColumns: CsvColumn<MunicipalityRequestItem>[] = [
  fieldColumn('id', requestHeadings.id),
  both.municipalityCode,
  both.association,
  fieldColumn('title', requestHeadings.title),
  both.category,
  both.status,
  fieldColumn('hidden', { ja: '非表示', en: 'Hidden', 'ja-easy': 'みえなく した' }),
  fieldColumn('slots', { ja: '募集人数', en: 'Slots', 'ja-easy': 'ほしい ひとの かず' }),
  fieldColumn('matchedCount', { ja: 'マッチ数', en: 'Matched', 'ja-easy': 'マッチした かず' }),
  fieldColumn('handCount', { ja: '手を挙げた数', en: 'Hands raised', 'ja-easy': 'てを あげた かず' }),
  timeColumn('createdAt', { ja: '作成日時', en: 'Created', 'ja-easy': 'つくった ひ' }),
  timeColumn('publishedAt', { ja: '掲載日時', en: 'Published', 'ja-easy': 'けいじばんに でた ひ' }),
  timeColumn('updatedAt', { ja: '更新日時', en: 'Last changed', 'ja-easy': 'さいごに かえた ひ' }),
];
