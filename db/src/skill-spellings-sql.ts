import { skillSpellings, skillTagSeparators } from '@board/shared';

/**
 * SQL for mapping stored free-text skill tags onto the skills vocabulary, made from the shared
 * TypeScript table (one source of truth). Migration 0018 was written with `skillSpellingsValues()`
 * at the time (run `node db/src/skill-spellings-sql.ts > file` to see it); the migration's copy
 * stays frozen as the vocabulary grows.
 */

const katakana = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join('');
const hiragana = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join('');

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `skillTagForm` in SQL: NFKC, lower case, katakana → hiragana, separators dropped. */
export function skillTagFormSql(expression: string): string {
  return `regexp_replace(translate(lower(normalize(${expression}, NFKC)), ${literal(katakana)}, ${literal(hiragana)}), ${literal(`${skillTagSeparators}+`)}, '', 'g')`;
}

/** `VALUES ('canva', 'flyer_design'), …`: every spelling the vocabulary knows, folded. */
export function skillSpellingsValues(): string {
  const rows = [...skillSpellings].map(([form, key]) => `(${literal(form)}, ${literal(key)})`);
  return `VALUES\n  ${rows.join(',\n  ')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(skillTagFormSql('t."tag"'));
  console.log(skillSpellingsValues());
}
